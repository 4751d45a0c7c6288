using AssistantPortal.Data;

namespace AssistantPortal.Features.Access;

/// <summary>The sources of access of SPEC §2.1, numbered as there. Stored nowhere; never renumber.</summary>
public enum AccessSourceKind
{
    Owner = 1,
    GlobalAdmin = 2,
    UserGrant = 3,
    TeamGrant = 4,
    OrganizationGrant = 5,
    TeamOwner = 6,
    TeamGeneralAccess = 7,
    ProjectMember = 8,
    ProjectAdmin = 9,
    Link = 10,
}

/// <summary>
/// One reason why a viewer has access: the source, the level it gives and the path it came by
/// (a team, organization or project, who granted it and when).
/// </summary>
public sealed record AccessSource(
    AccessSourceKind Kind,
    AccessLevel Level,
    string? Through = null,
    string? Via = null,
    string? GrantedBy = null,
    DateTime? GrantedAt = null)
{
    /// <summary>A sentence for "why does this person have this access?" (SPEC §2.2).</summary>
    public string Describe()
    {
        var level = Level.DisplayName();
        var path = Kind switch
        {
            AccessSourceKind.Owner => "owner of the assistant",
            AccessSourceKind.GlobalAdmin => "Global Admin",
            AccessSourceKind.UserGrant => "shared directly",
            AccessSourceKind.TeamGrant => $"through team \"{Through}\"",
            AccessSourceKind.OrganizationGrant => $"through organization \"{Through}\"",
            AccessSourceKind.TeamOwner => $"Team Owner of \"{Through}\", which the assistant is within",
            AccessSourceKind.TeamGeneralAccess => $"Team Viewer of \"{Through}\"; the assistant is open to its team",
            AccessSourceKind.ProjectMember => Via is null ? $"member of project \"{Through}\"" : $"member of project \"{Through}\" through team \"{Via}\"",
            AccessSourceKind.ProjectAdmin => Via is null ? $"admin of project \"{Through}\"" : $"admin of project \"{Through}\" through team \"{Via}\"",
            AccessSourceKind.Link => $"arrived through the {Through}",
            _ => throw new InvalidOperationException($"Unknown access source {Kind}."),
        };
        var granted = GrantedBy is not null || GrantedAt is not null
            ? $" (granted{(GrantedBy is null ? "" : $" by {GrantedBy}")}{(GrantedAt is null ? "" : $" on {GrantedAt:yyyy-MM-dd}")})"
            : "";
        return $"{level} — {path}{granted}";
    }
}

public static class AccessLevelText
{
    /// <summary>The name people see for a level.</summary>
    public static string DisplayName(this AccessLevel level) => level switch
    {
        AccessLevel.None => "No access",
        AccessLevel.UseOnly => "Use only",
        AccessLevel.ReadOnly => "Read only",
        AccessLevel.ReadWrite => "Read and write",
        AccessLevel.Owner => "Owner",
        _ => level.ToString(),
    };

    /// <summary>The levels that can be granted to users, teams, organizations and keys.</summary>
    public static IReadOnlyList<AccessLevel> Grantable { get; } = [AccessLevel.UseOnly, AccessLevel.ReadOnly, AccessLevel.ReadWrite];

    public static bool IsGrantable(this AccessLevel level) => level is >= AccessLevel.UseOnly and <= AccessLevel.ReadWrite;
}
