namespace AssistantPortal.Features.Admin;

/// <summary>One choice of an admin filter's picker: the id the query filters by, and the name people read.</summary>
public sealed record PickOption(string Key, string Label)
{
    /// <summary>How many choices a picker offers at most; typing narrows them.</summary>
    public const int Max = 20;
}

/// <summary>The text a picker's search matches: anywhere in the name, ignoring case (SQLite LIKE, ASCII).</summary>
public static class PickSearch
{
    public const string Escape = "\\";

    /// <summary>
    /// A lower-case LIKE pattern matching <paramref name="text"/> anywhere, its wildcards taken literally. Compare it
    /// with the column's <c>ToLower()</c>: LIKE ignores case on SQLite but not on PostgreSQL.
    /// </summary>
    public static string Anywhere(string text) =>
        "%" + text.Trim().ToLowerInvariant().Replace(Escape, Escape + Escape).Replace("%", Escape + "%").Replace("_", Escape + "_") + "%";
}
