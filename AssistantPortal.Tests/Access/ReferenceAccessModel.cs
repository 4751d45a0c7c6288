using AssistantPortal.Data;

namespace AssistantPortal.Tests.Access;

/// <summary>Everything that decides access, held in memory: the fixture of the differential test.</summary>
public sealed class AccessWorld
{
    public List<ApplicationUser> Users { get; } = [];
    public List<Organization> Organizations { get; } = [];
    public List<OrganizationMember> OrganizationMembers { get; } = [];
    public List<Team> Teams { get; } = [];
    public List<TeamMember> TeamMembers { get; } = [];
    public List<Project> Projects { get; } = [];
    public List<ProjectUserMember> ProjectUserMembers { get; } = [];
    public List<ProjectTeamMember> ProjectTeamMembers { get; } = [];
    public List<Assistant> Assistants { get; } = [];
    public List<AssistantUserGrant> UserGrants { get; } = [];
    public List<AssistantTeamGrant> TeamGrants { get; } = [];
    public List<AssistantOrganizationGrant> OrganizationGrants { get; } = [];
    public List<ShareRequest> ShareRequests { get; } = [];
}

/// <summary>
/// SPEC §2.1 written as naively as possible: plain loops over an in-memory <see cref="AccessWorld"/>,
/// one block per row of the table, no queries, no cleverness. The differential test holds the real
/// resolver to it.
/// </summary>
public sealed class ReferenceAccessModel(AccessWorld world)
{
    /// <summary>Every row of SPEC §2.1 that applies, as (row number, level it gives).</summary>
    public List<(int Row, AccessLevel Level)> Sources(string? userId, string? linkToken, int assistantId)
    {
        var sources = new List<(int Row, AccessLevel Level)>();
        Assistant? assistant = null;
        foreach (var a in world.Assistants)
        {
            if (a.Id == assistantId)
            {
                assistant = a;
            }
        }
        if (assistant is null)
        {
            return sources;
        }

        Project? project = null;
        foreach (var p in world.Projects)
        {
            if (p.Id == assistant.ProjectId)
            {
                project = p;
            }
        }

        if (userId is not null)
        {
            // 1. The viewer is the assistant's owner.
            if (assistant.OwnerId == userId)
            {
                sources.Add((1, AccessLevel.Owner));
            }

            // 2. The viewer is a Global Admin.
            foreach (var user in world.Users)
            {
                if (user.Id == userId && user.GlobalRole == GlobalRole.GlobalAdmin)
                {
                    sources.Add((2, AccessLevel.Owner));
                }
            }

            // 3. A direct user grant.
            foreach (var grant in world.UserGrants)
            {
                if (grant.AssistantId == assistant.Id && grant.UserId == userId)
                {
                    sources.Add((3, grant.Level));
                }
            }

            // 4. A team grant, and the viewer is in that team (any team role).
            foreach (var grant in world.TeamGrants)
            {
                if (grant.AssistantId == assistant.Id && IsInTeam(userId, grant.TeamId))
                {
                    sources.Add((4, grant.Level));
                }
            }

            // 5. An organization grant, and the viewer is a member of that organization. Share requests are
            // never consulted: pending ones grant nothing.
            foreach (var grant in world.OrganizationGrants)
            {
                if (grant.AssistantId != assistant.Id)
                {
                    continue;
                }
                foreach (var member in world.OrganizationMembers)
                {
                    if (member.OrganizationId == grant.OrganizationId && member.UserId == userId)
                    {
                        sources.Add((5, grant.Level));
                    }
                }
            }

            if (project?.TeamId is { } teamId)
            {
                foreach (var member in world.TeamMembers)
                {
                    if (member.TeamId != teamId || member.UserId != userId)
                    {
                        continue;
                    }
                    // 6. A Team Owner of the team the assistant is within.
                    if (member.Role == TeamRole.Owner)
                    {
                        sources.Add((6, AccessLevel.Owner));
                    }
                    // 7. General access Team, and the viewer is a Team Viewer of that team.
                    if (member.Role == TeamRole.Viewer && assistant.PublicAccess == PublicAccess.Team)
                    {
                        sources.Add((7, AccessLevel.UseOnly));
                    }
                }
            }

            if (project is not null)
            {
                // 8 and 9. Project Member (Read only) or Admin (Owner), directly...
                foreach (var member in world.ProjectUserMembers)
                {
                    if (member.ProjectId == project.Id && member.UserId == userId)
                    {
                        sources.Add(ProjectRow(member.Role));
                    }
                }
                // ... or through a team added to the project.
                foreach (var member in world.ProjectTeamMembers)
                {
                    if (member.ProjectId == project.Id && IsInTeam(userId, member.TeamId))
                    {
                        sources.Add(ProjectRow(member.Role));
                    }
                }
            }
        }

        // 10. A link, when public access allows it (SPEC §4.5): the edit link always needs signing in.
        if (linkToken is not null)
        {
            var signedIn = userId is not null;
            if (linkToken == assistant.EditLinkToken && signedIn &&
                (assistant.PublicAccess == PublicAccess.EveryoneSignedIn || assistant.PublicAccess == PublicAccess.Everyone))
            {
                sources.Add((10, AccessLevel.ReadWrite));
            }
            if (linkToken == assistant.ViewLinkToken &&
                (assistant.PublicAccess == PublicAccess.Everyone || (assistant.PublicAccess == PublicAccess.EveryoneSignedIn && signedIn)))
            {
                sources.Add((10, AccessLevel.UseOnly));
            }
        }
        return sources;
    }

    /// <summary>The effective level: the maximum over every source that applies.</summary>
    public AccessLevel Level(string? userId, string? linkToken, int assistantId)
    {
        var level = AccessLevel.None;
        foreach (var (_, sourceLevel) in Sources(userId, linkToken, assistantId))
        {
            if (sourceLevel > level)
            {
                level = sourceLevel;
            }
        }
        return level;
    }

    private bool IsInTeam(string userId, int teamId)
    {
        foreach (var member in world.TeamMembers)
        {
            if (member.TeamId == teamId && member.UserId == userId)
            {
                return true;
            }
        }
        return false;
    }

    private static (int Row, AccessLevel Level) ProjectRow(ProjectRole role) =>
        role == ProjectRole.Admin ? (9, AccessLevel.Owner) : (8, AccessLevel.ReadOnly);
}
