namespace AssistantPortal.Features.Admin;

/// <summary>One choice of an admin filter's picker: the id the query filters by, and the name people read.</summary>
public sealed record PickOption(string Key, string Label)
{
    /// <summary>How many choices a picker offers at most; typing narrows them.</summary>
    public const int Max = 20;
}
