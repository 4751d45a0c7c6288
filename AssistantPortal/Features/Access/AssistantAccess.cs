using AssistantPortal.Data;

namespace AssistantPortal.Features.Access;

/// <summary>
/// A viewer's resolved access on one assistant: the effective level (the maximum over
/// <see cref="Sources"/>) and everything that decides the capabilities that are not level-based.
/// </summary>
public sealed record AssistantAccess(
    int AssistantId,
    string? ViewerId,
    GlobalRole ViewerRole,
    IReadOnlyList<AccessSource> Sources)
{
    /// <summary>The effective level: the maximum over every source that applies (SPEC §2.1).</summary>
    public AccessLevel Level { get; } = Sources.Count == 0 ? AccessLevel.None : Sources.Max(s => s.Level);

    /// <summary>The viewer is the assistant's one owner (not merely at Owner level).</summary>
    public bool IsOwner => Sources.Any(s => s.Kind == AccessSourceKind.Owner);

    public bool IsGlobalAdmin => ViewerRole == GlobalRole.GlobalAdmin;

    /// <summary>Nothing at all: the assistant must look as if it did not exist.</summary>
    public static AssistantAccess NoAccess(int assistantId, string? viewerId, GlobalRole role = GlobalRole.User) =>
        new(assistantId, viewerId, role, []);
}
