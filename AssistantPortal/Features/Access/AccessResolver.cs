using System.Linq.Expressions;
using System.Runtime.CompilerServices;
using AssistantPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;

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
            // One statement per resolve: the rows of every source and the viewer's global role.
            var sourceRows = CompiledSourceRows.GetValue(db.Model, static _ => CompileSourceRows());
            await foreach (var row in sourceRows(db, userId, assistantId).WithCancellation(cancellationToken))
            {
                if (row.Role is { } globalRole)
                {
                    role = globalRole;
                }
                if (row.Level > AccessLevel.None)
                {
                    sources.Add(new AccessSource(row.Kind, row.Level, row.Through, row.Via, row.GrantedBy, row.GrantedAt));
                }
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
        // a => ids.Contains(a.Id), with the ids' expression put into the tree itself. Capturing the ids
        // query in a closure instead makes EF evaluate and re-inline it on every execution, which cost ten
        // times the query itself.
        var ids = VisibleIds(db, userId, route);
        var assistant = Expression.Parameter(typeof(Assistant), "a");
        var contains = Expression.Call(typeof(Queryable), nameof(Queryable.Contains), [typeof(int)],
            ids.Expression, Expression.Property(assistant, nameof(Assistant.Id)));
        return db.Assistants.Where(Expression.Lambda<Func<Assistant, bool>>(contains, assistant));
    }

    /// <summary>
    /// Ids of the assistants reachable by each route, as one UNION ALL that the database evaluates
    /// once: a handful of index lookups rather than a scan of every assistant. Subqueries are written
    /// inside the lambdas (capturing only <paramref name="db"/> and <paramref name="userId"/>), never as
    /// captured query variables, for the reason given in <see cref="VisibleAssistants"/>.
    /// </summary>
    private static IQueryable<int> VisibleIds(ApplicationDbContext db, string userId, AccessRoute route)
    {
        var owned = db.Assistants.Where(a => a.OwnerId == userId).Select(a => a.Id);

        var shared = db.AssistantUserGrants.Where(g => g.UserId == userId).Select(g => g.AssistantId)
            .Concat(db.AssistantOrganizationGrants
                .Where(g => db.OrganizationMembers.Where(m => m.UserId == userId).Select(m => m.OrganizationId).Contains(g.OrganizationId))
                .Select(g => g.AssistantId));

        var team = db.AssistantTeamGrants
            .Where(g => db.TeamMembers.Where(m => m.UserId == userId).Select(m => m.TeamId).Contains(g.TeamId))
            .Select(g => g.AssistantId)
            .Concat(db.Assistants
                .Where(a => a.ProjectId != null && db.Projects
                    .Where(p => p.TeamId != null && db.TeamMembers.Where(m => m.UserId == userId && m.Role == TeamRole.Owner).Select(m => m.TeamId).Contains(p.TeamId.Value))
                    .Select(p => p.Id).Contains(a.ProjectId.Value))
                .Select(a => a.Id))
            .Concat(db.Assistants
                .Where(a => a.PublicAccess == PublicAccess.Team && a.ProjectId != null && db.Projects
                    .Where(p => p.TeamId != null && db.TeamMembers.Where(m => m.UserId == userId && m.Role == TeamRole.Viewer).Select(m => m.TeamId).Contains(p.TeamId.Value))
                    .Select(p => p.Id).Contains(a.ProjectId.Value))
                .Select(a => a.Id));

        var project = db.Assistants
            .Where(a => a.ProjectId != null && db.ProjectUserMembers.Where(m => m.UserId == userId).Select(m => m.ProjectId)
                .Concat(db.ProjectTeamMembers
                    .Where(m => db.TeamMembers.Where(tm => tm.UserId == userId).Select(tm => tm.TeamId).Contains(m.TeamId))
                    .Select(m => m.ProjectId))
                .Contains(a.ProjectId.Value))
            .Select(a => a.Id);

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
    /// Rows 1 to 9 of SPEC §2.1 for one (viewer, assistant) pair, as one UNION ALL statement, plus the
    /// viewer's own row that carries their global role (a source only for a Global Admin). Each part
    /// starts from a unique key (the assistant, the grant's assistant, the viewer's membership of the
    /// assistant's project) so the database does a few index seeks and never scans. Compiled once: EF
    /// neither rebuilds nor re-hashes the expression tree on each resolve. A compiled query belongs to
    /// one model, so it is compiled once per model (the app has one; tests host several).
    /// </summary>
    private static readonly ConditionalWeakTable<IModel, Func<ApplicationDbContext, string, int, IAsyncEnumerable<SourceRow>>> CompiledSourceRows = new();

    private static Func<ApplicationDbContext, string, int, IAsyncEnumerable<SourceRow>> CompileSourceRows() =>
        EF.CompileAsyncQuery((ApplicationDbContext db, string userId, int assistantId) =>
            db.Assistants.Where(a => a.Id == assistantId && a.OwnerId == userId)
                .Select(a => new SourceRow
                {
                    Kind = AccessSourceKind.Owner, Level = AccessLevel.Owner, Role = null,
                    Through = null, Via = null, GrantedBy = null, GrantedAt = null,
                })
            .Concat(db.Users.Where(u => u.Id == userId)
                .Select(u => new SourceRow
                {
                    Kind = AccessSourceKind.GlobalAdmin,
                    // A Global Admin's role is reported even for an assistant that does not exist; the level only when it does.
                    Level = u.GlobalRole == GlobalRole.GlobalAdmin && db.Assistants.Any(a => a.Id == assistantId) ? AccessLevel.Owner : AccessLevel.None,
                    Role = u.GlobalRole,
                    Through = null, Via = null, GrantedBy = null, GrantedAt = null,
                }))
            .Concat(db.AssistantUserGrants.Where(g => g.AssistantId == assistantId && g.UserId == userId)
                .Select(g => new SourceRow
                {
                    Kind = AccessSourceKind.UserGrant, Level = g.Level, Role = null,
                    GrantedBy = g.GrantedBy!.UserName, GrantedAt = g.GrantedAt,
                    Through = null, Via = null,
                }))
            .Concat(db.AssistantTeamGrants.Where(g => g.AssistantId == assistantId && g.Team.Members.Any(m => m.UserId == userId))
                .Select(g => new SourceRow
                {
                    Kind = AccessSourceKind.TeamGrant, Level = g.Level, Role = null, Through = g.Team.Name,
                    GrantedBy = g.GrantedBy!.UserName, GrantedAt = g.GrantedAt,
                    Via = null,
                }))
            .Concat(db.AssistantOrganizationGrants.Where(g => g.AssistantId == assistantId && g.Organization.Members.Any(m => m.UserId == userId))
                .Select(g => new SourceRow
                {
                    Kind = AccessSourceKind.OrganizationGrant, Level = g.Level, Role = null, Through = g.Organization.Name,
                    GrantedBy = g.GrantedBy!.UserName, GrantedAt = g.GrantedAt,
                    Via = null,
                }))
            .Concat(
                from a in db.Assistants
                where a.Id == assistantId
                join p in db.Projects on a.ProjectId equals (int?)p.Id
                join m in db.TeamMembers on p.TeamId equals (int?)m.TeamId
                where m.UserId == userId && (m.Role == TeamRole.Owner || a.PublicAccess == PublicAccess.Team)
                select new SourceRow
                {
                    Kind = m.Role == TeamRole.Owner ? AccessSourceKind.TeamOwner : AccessSourceKind.TeamGeneralAccess,
                    Level = m.Role == TeamRole.Owner ? AccessLevel.Owner : AccessLevel.UseOnly,
                    Role = null,
                    Through = m.Team.Name,
                    Via = null, GrantedBy = null, GrantedAt = null,
                })
            .Concat(
                from a in db.Assistants
                where a.Id == assistantId
                join m in db.ProjectUserMembers on a.ProjectId equals (int?)m.ProjectId
                where m.UserId == userId
                select new SourceRow
                {
                    Kind = m.Role == ProjectRole.Admin ? AccessSourceKind.ProjectAdmin : AccessSourceKind.ProjectMember,
                    Level = m.Role == ProjectRole.Admin ? AccessLevel.Owner : AccessLevel.ReadOnly,
                    Role = null,
                    Through = m.Project.Name,
                    Via = null, GrantedBy = null, GrantedAt = null,
                })
            .Concat(
                from a in db.Assistants
                where a.Id == assistantId
                join m in db.ProjectTeamMembers on a.ProjectId equals (int?)m.ProjectId
                where m.Team.Members.Any(tm => tm.UserId == userId)
                select new SourceRow
                {
                    Kind = m.Role == ProjectRole.Admin ? AccessSourceKind.ProjectAdmin : AccessSourceKind.ProjectMember,
                    Level = m.Role == ProjectRole.Admin ? AccessLevel.Owner : AccessLevel.ReadOnly,
                    Role = null,
                    Through = m.Project.Name,
                    Via = m.Team.Name,
                    GrantedBy = null, GrantedAt = null,
                }));

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

    /// <summary>One row of <see cref="CompileSourceRows"/>; a class with setters so EF can project every part alike.</summary>
    private sealed class SourceRow
    {
        public AccessSourceKind Kind { get; init; }
        public AccessLevel Level { get; init; }
        /// <summary>The viewer's global role, on the viewer's own row only.</summary>
        public GlobalRole? Role { get; init; }
        public string? Through { get; init; }
        public string? Via { get; init; }
        public string? GrantedBy { get; init; }
        public DateTime? GrantedAt { get; init; }
    }
}
