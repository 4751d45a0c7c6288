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

    /// <summary>A LIKE pattern matching <paramref name="text"/> anywhere, its wildcards taken literally.</summary>
    public static string Anywhere(string text) =>
        "%" + text.Trim().Replace(Escape, Escape + Escape).Replace("%", Escape + "%").Replace("_", Escape + "_") + "%";
}
