using AssistantPortal.Data;

namespace AssistantPortal.Features.Links;

public static class PublicAccessText
{
    /// <summary>The name people see for a public-access option (SPEC §4.5).</summary>
    public static string DisplayName(this PublicAccess access) => access switch
    {
        PublicAccess.NotAccessible => "Not accessible",
        PublicAccess.Team => "Team",
        PublicAccess.EveryoneSignedIn => "Everyone signed in",
        PublicAccess.Everyone => "Everyone",
        _ => access.ToString(),
    };

    /// <summary>Which link a command acts on.</summary>
    public static string DisplayName(this LinkKind kind) => kind == LinkKind.Edit ? "edit link" : "view link";
}

/// <summary>The two links of an assistant (SPEC §4.5).</summary>
public enum LinkKind
{
    /// <summary>The holder may chat (Use only).</summary>
    View = 1,
    /// <summary>The holder may chat and edit (Read and write); always requires signing in.</summary>
    Edit = 2,
}
