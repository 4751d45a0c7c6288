using AssistantPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Access;

/// <summary>How a visible assistant reaches the viewer, for the filters of "My assistants".</summary>
public enum AccessRoute
{
    All = 0,
    /// <summary>The viewer owns it.</summary>
    Owned = 1,
    /// <summary>Shared with the viewer directly or with one of their organizations.</summary>
    SharedWithMe = 2,
    /// <summary>Shared with one of the viewer's teams, or within a team the viewer owns or may use.</summary>
    ThroughTeam = 3,
    /// <summary>The viewer is a member or admin of its project, directly or through a team.</summary>
    ThroughProject = 4,
}

/// <summary>
/// The one component that knows the access rules of SPEC §2.1 (SPEC §2.3). Pages, components,
/// commands and endpoints ask it; nothing else re-implements the rules.
/// </summary>
public interface IAccessResolver
{
    /// <summary>The viewer's access on one assistant, with every source that applies.</summary>
    Task<AssistantAccess> ResolveAsync(Viewer viewer, int assistantId, CancellationToken cancellationToken = default);

    /// <summary>The same, inside the caller's own context (and transaction).</summary>
    Task<AssistantAccess> ResolveAsync(ApplicationDbContext db, Viewer viewer, int assistantId, CancellationToken cancellationToken = default);

    /// <summary>The viewer's global role, read from the database so a change applies on the next request.</summary>
    Task<GlobalRole> GetGlobalRoleAsync(ApplicationDbContext db, string? userId, CancellationToken cancellationToken = default);

    /// <summary>
    /// The assistants the viewer can see (level ≥ Use only without a link), as a query the database
    /// executes: callers filter, sort, count and page it.
    /// </summary>
    IQueryable<Assistant> VisibleAssistants(ApplicationDbContext db, string userId, GlobalRole role, AccessRoute route = AccessRoute.All);
}

/// <inheritdoc />
public sealed class AccessResolver(IDbContextFactory<ApplicationDbContext> dbFactory) : IAccessResolver
{
    public async Task<AssistantAccess> ResolveAsync(Viewer viewer, int assistantId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await ResolveAsync(db, viewer, assistantId, cancellationToken);
    }

    public async Task<AssistantAccess> ResolveAsync(ApplicationDbContext db, Viewer viewer, int assistantId, CancellationToken cancellationToken = default)
    {
        var sources = new List<AccessSource>();
        var role = GlobalRole.User;
        if (viewer.UserId is { } userId)
        {
            var rows = await SourceRows(db, userId, assistantId).ToListAsync(cancellationToken);
            foreach (var row in rows)
            {
                if (row.Kind == AccessSourceKind.GlobalAdmin)
                {
                    role = GlobalRole.GlobalAdmin;
                }
                if (row.Level > AccessLevel.None)
                {
                    sources.Add(new AccessSource(row.Kind, row.Level, row.Through, row.Via, row.GrantedBy, row.GrantedAt));
                }
            }
            if (role != GlobalRole.GlobalAdmin)
            {
                role = await GetGlobalRoleAsync(db, userId, cancellationToken);
            }
        }

        if (viewer.LinkToken is { Length: > 0 } token && await LinkSourceAsync(db, viewer, assistantId, token, cancellationToken) is { } link)
        {
            sources.Add(link);
        }
        return new AssistantAccess(assistantId, viewer.UserId, role, sources);
    }

    public async Task<GlobalRole> GetGlobalRoleAsync(ApplicationDbContext db, string? userId, CancellationToken cancellationToken = default)
    {
        if (userId is null)
        {
            return GlobalRole.User;
        }
        return await db.Users.Where(u => u.Id == userId).Select(u => u.GlobalRole).FirstOrDefaultAsync(cancellationToken);
    }

    public IQueryable<Assistant> VisibleAssistants(ApplicationDbContext db, string userId, GlobalRole role, AccessRoute route = AccessRoute.All)
    {
        if (role == GlobalRole.GlobalAdmin && route == AccessRoute.All)
        {
            return db.Assistants;
        }
        var ids = VisibleIds(db, userId, route);
        return db.Assistants.Where(a => ids.Contains(a.Id));
    }

    /// <summary>
    /// Ids of the assistants reachable by each route, as one UNION ALL that the database evaluates
    /// once: a handful of index lookups rather than a scan of every assistant.
    /// </summary>
    private static IQueryable<int> VisibleIds(ApplicationDbContext db, string userId, AccessRoute route)
    {
        var teamIds = db.TeamMembers.Where(m => m.UserId == userId).Select(m => m.TeamId);
        var ownedTeamIds = db.TeamMembers.Where(m => m.UserId == userId && m.Role == TeamRole.Owner).Select(m => m.TeamId);
        var viewerTeamIds = db.TeamMembers.Where(m => m.UserId == userId && m.Role == TeamRole.Viewer).Select(m => m.TeamId);
        var organizationIds = db.OrganizationMembers.Where(m => m.UserId == userId).Select(m => m.OrganizationId);

        var owned = db.Assistants.Where(a => a.OwnerId == userId).Select(a => a.Id);

        var shared = db.AssistantUserGrants.Where(g => g.UserId == userId).Select(g => g.AssistantId)
            .Concat(db.AssistantOrganizationGrants.Where(g => organizationIds.Contains(g.OrganizationId)).Select(g => g.AssistantId));

        var ownedTeamProjects = db.Projects.Where(p => p.TeamId != null && ownedTeamIds.Contains(p.TeamId.Value)).Select(p => p.Id);
        var viewerTeamProjects = db.Projects.Where(p => p.TeamId != null && viewerTeamIds.Contains(p.TeamId.Value)).Select(p => p.Id);
        var team = db.AssistantTeamGrants.Where(g => teamIds.Contains(g.TeamId)).Select(g => g.AssistantId)
            .Concat(db.Assistants.Where(a => a.ProjectId != null && ownedTeamProjects.Contains(a.ProjectId.Value)).Select(a => a.Id))
            .Concat(db.Assistants.Where(a => a.PublicAccess == PublicAccess.Team && a.ProjectId != null && viewerTeamProjects.Contains(a.ProjectId.Value)).Select(a => a.Id));

        var memberProjects = db.ProjectUserMembers.Where(m => m.UserId == userId).Select(m => m.ProjectId)
            .Concat(db.ProjectTeamMembers.Where(m => teamIds.Contains(m.TeamId)).Select(m => m.ProjectId));
        var project = db.Assistants.Where(a => a.ProjectId != null && memberProjects.Contains(a.ProjectId.Value)).Select(a => a.Id);

        return route switch
        {
            AccessRoute.All => owned.Concat(shared).Concat(team).Concat(project),
            AccessRoute.Owned => owned,
            AccessRoute.SharedWithMe => shared,
            AccessRoute.ThroughTeam => team,
            AccessRoute.ThroughProject => project,
            _ => throw new ArgumentOutOfRangeException(nameof(route), route, null),
        };
    }

    /// <summary>
    /// Rows 1 to 9 of SPEC §2.1 for one (viewer, assistant) pair, as one UNION ALL query. Each part is
    /// an index lookup; the names joined in are what the explanation (SPEC §2.2) shows.
    /// </summary>
    private static IQueryable<SourceRow> SourceRows(ApplicationDbContext db, string userId, int assistantId)
    {
        var assistant = db.Assistants.Where(a => a.Id == assistantId);

        var owner = assistant.Where(a => a.OwnerId == userId)
            .Select(a => new SourceRow { Kind = AccessSourceKind.Owner, Level = AccessLevel.Owner, Through = null, Via = null, GrantedBy = null, GrantedAt = null });

        var globalAdmin = db.Users.Where(u => u.Id == userId && u.GlobalRole == GlobalRole.GlobalAdmin)
            .Select(u => new SourceRow
            {
                Kind = AccessSourceKind.GlobalAdmin,
                // A Global Admin's role is reported even for an assistant that does not exist; the level only when it does.
                Level = assistant.Any() ? AccessLevel.Owner : AccessLevel.None,
                Through = null, Via = null, GrantedBy = null, GrantedAt = null,
            });

        var userGrants = db.AssistantUserGrants.Where(g => g.AssistantId == assistantId && g.UserId == userId)
            .Select(g => new SourceRow
            {
                Kind = AccessSourceKind.UserGrant, Level = g.Level,
                GrantedBy = g.GrantedBy!.UserName, GrantedAt = g.GrantedAt,
                Through = null, Via = null,
            });

        var teamGrants = db.AssistantTeamGrants.Where(g => g.AssistantId == assistantId && g.Team.Members.Any(m => m.UserId == userId))
            .Select(g => new SourceRow
            {
                Kind = AccessSourceKind.TeamGrant, Level = g.Level, Through = g.Team.Name,
                GrantedBy = g.GrantedBy!.UserName, GrantedAt = g.GrantedAt,
                Via = null,
            });

        var organizationGrants = db.AssistantOrganizationGrants
            .Where(g => g.AssistantId == assistantId && g.Organization.Members.Any(m => m.UserId == userId))
            .Select(g => new SourceRow
            {
                Kind = AccessSourceKind.OrganizationGrant, Level = g.Level, Through = g.Organization.Name,
                GrantedBy = g.GrantedBy!.UserName, GrantedAt = g.GrantedAt,
                Via = null,
            });

        var withinTeam = db.TeamMembers
            .Where(m => m.UserId == userId && assistant.Any(a => a.Project!.TeamId == m.TeamId))
            .Where(m => m.Role == TeamRole.Owner || assistant.Any(a => a.PublicAccess == PublicAccess.Team))
            .Select(m => new SourceRow
            {
                Kind = m.Role == TeamRole.Owner ? AccessSourceKind.TeamOwner : AccessSourceKind.TeamGeneralAccess,
                Level = m.Role == TeamRole.Owner ? AccessLevel.Owner : AccessLevel.UseOnly,
                Through = m.Team.Name,
                Via = null, GrantedBy = null, GrantedAt = null,
            });

        var projectUsers = db.ProjectUserMembers
            .Where(m => m.UserId == userId && assistant.Any(a => a.ProjectId == m.ProjectId))
            .Select(m => new SourceRow
            {
                Kind = m.Role == ProjectRole.Admin ? AccessSourceKind.ProjectAdmin : AccessSourceKind.ProjectMember,
                Level = m.Role == ProjectRole.Admin ? AccessLevel.Owner : AccessLevel.ReadOnly,
                Through = m.Project.Name,
                Via = null, GrantedBy = null, GrantedAt = null,
            });

        var projectTeams = db.ProjectTeamMembers
            .Where(m => m.Team.Members.Any(tm => tm.UserId == userId) && assistant.Any(a => a.ProjectId == m.ProjectId))
            .Select(m => new SourceRow
            {
                Kind = m.Role == ProjectRole.Admin ? AccessSourceKind.ProjectAdmin : AccessSourceKind.ProjectMember,
                Level = m.Role == ProjectRole.Admin ? AccessLevel.Owner : AccessLevel.ReadOnly,
                Through = m.Project.Name,
                Via = m.Team.Name,
                GrantedBy = null, GrantedAt = null,
            });

        return owner.Concat(globalAdmin).Concat(userGrants).Concat(teamGrants).Concat(organizationGrants)
            .Concat(withinTeam).Concat(projectUsers).Concat(projectTeams);
    }

    /// <summary>Row 10 of SPEC §2.1: the link the viewer arrived through, if the public access allows it (SPEC §4.5).</summary>
    private static async Task<AccessSource?> LinkSourceAsync(
        ApplicationDbContext db, Viewer viewer, int assistantId, string token, CancellationToken cancellationToken)
    {
        var facts = await db.Assistants.Where(a => a.Id == assistantId)
            .Select(a => new { a.PublicAccess, a.ViewLinkToken, a.EditLinkToken })
            .FirstOrDefaultAsync(cancellationToken);
        if (facts is null)
        {
            return null;
        }
        var linksOpen = facts.PublicAccess is PublicAccess.EveryoneSignedIn or PublicAccess.Everyone;
        if (linksOpen && viewer.IsSignedIn && LinkTokens.Matches(facts.EditLinkToken, token))
        {
            return new AccessSource(AccessSourceKind.Link, AccessLevel.ReadWrite, "edit link");
        }
        var viewOpen = facts.PublicAccess == PublicAccess.Everyone || (facts.PublicAccess == PublicAccess.EveryoneSignedIn && viewer.IsSignedIn);
        if (viewOpen && LinkTokens.Matches(facts.ViewLinkToken, token))
        {
            return new AccessSource(AccessSourceKind.Link, AccessLevel.UseOnly, "view link");
        }
        return null;
    }

    /// <summary>One row of <see cref="SourceRows"/>; a class with setters so EF can project every part alike.</summary>
    private sealed class SourceRow
    {
        public AccessSourceKind Kind { get; init; }
        public AccessLevel Level { get; init; }
        public string? Through { get; init; }
        public string? Via { get; init; }
        public string? GrantedBy { get; init; }
        public DateTime? GrantedAt { get; init; }
    }
}
