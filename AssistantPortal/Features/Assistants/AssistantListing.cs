using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Assistants;

/// <summary>What the "My assistants" list can be sorted by.</summary>
public enum AssistantSort
{
    Name = 0,
    Owner = 1,
    Project = 2,
    Updated = 3,
}

/// <summary>Search, filter, sort and page of the "My assistants" list.</summary>
public sealed record AssistantListCriteria(
    string? Search = null,
    AccessRoute Route = AccessRoute.All,
    AssistantSort Sort = AssistantSort.Name,
    bool Descending = false,
    int Skip = 0,
    int Take = ListMyAssistants.DefaultPageSize);

/// <summary>One row: what the viewer sees of an assistant, and their own level on it.</summary>
public sealed record AssistantListItem(int Id, string Name, string Description, string OwnerName, string? ProjectName, DateTime UpdatedAt, AccessLevel Level);

/// <summary>One page of rows and the number of rows on every page together.</summary>
public sealed record AssistantListPage(IReadOnlyList<AssistantListItem> Items, int TotalCount)
{
    public static AssistantListPage Empty { get; } = new([], 0);
}

/// <summary>
/// The "My assistants" list (SPEC §2.3 item 2): the resolver's visible-assistants query, searched,
/// filtered by route, sorted, counted and paged by the database. Only the rows of the page shown are
/// resolved one by one for the viewer's level, so the cost is bounded by the page size.
/// </summary>
public sealed class ListMyAssistants(IDbContextFactory<ApplicationDbContext> dbFactory, IAccessResolver resolver)
{
    public const int DefaultPageSize = 25;
    public const int MaxPageSize = 100;

    public async Task<AssistantListPage> ExecuteAsync(ClaimsPrincipal user, AssistantListCriteria criteria, CancellationToken cancellationToken = default)
    {
        var viewer = Viewer.From(user);
        if (viewer.UserId is not { } userId)
        {
            return AssistantListPage.Empty;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var role = await resolver.GetGlobalRoleAsync(db, userId, cancellationToken);
        var query = resolver.VisibleAssistants(db, userId, role, criteria.Route);

        if (!string.IsNullOrWhiteSpace(criteria.Search))
        {
            // lower() on both sides: case-insensitive on SQLite and PostgreSQL alike (ASCII letters on SQLite).
            var term = criteria.Search.Trim().ToLowerInvariant();
            query = query.Where(a => a.Name.ToLower().Contains(term) || a.Description.ToLower().Contains(term));
        }

        var total = await query.CountAsync(cancellationToken);
        var rows = await Sorted(query, criteria.Sort, criteria.Descending)
            .Skip(Math.Max(0, criteria.Skip))
            .Take(Math.Clamp(criteria.Take, 1, MaxPageSize))
            .Select(a => new { a.Id, a.Name, a.Description, a.UpdatedAt, Owner = a.Owner.UserName, Project = a.Project == null ? null : a.Project.Name })
            .ToListAsync(cancellationToken);

        var items = new List<AssistantListItem>(rows.Count);
        foreach (var row in rows)
        {
            var access = await resolver.ResolveAsync(db, viewer, row.Id, cancellationToken);
            items.Add(new AssistantListItem(row.Id, row.Name, row.Description, row.Owner ?? "", row.Project, row.UpdatedAt, access.Level));
        }
        return new AssistantListPage(items, total);
    }

    /// <summary>The chosen order, then the id, so that pages never overlap or skip a row.</summary>
    private static IQueryable<Assistant> Sorted(IQueryable<Assistant> query, AssistantSort sort, bool descending)
    {
        var ordered = (sort, descending) switch
        {
            (AssistantSort.Name, false) => query.OrderBy(a => a.Name),
            (AssistantSort.Name, true) => query.OrderByDescending(a => a.Name),
            (AssistantSort.Owner, false) => query.OrderBy(a => a.Owner.UserName),
            (AssistantSort.Owner, true) => query.OrderByDescending(a => a.Owner.UserName),
            // Assistants without a project first (last when descending), said explicitly: SQLite and PostgreSQL
            // place NULLs at opposite ends.
            (AssistantSort.Project, false) => query.OrderBy(a => a.ProjectId != null).ThenBy(a => a.Project!.Name),
            (AssistantSort.Project, true) => query.OrderByDescending(a => a.ProjectId != null).ThenByDescending(a => a.Project!.Name),
            (AssistantSort.Updated, false) => query.OrderBy(a => a.UpdatedAt),
            (AssistantSort.Updated, true) => query.OrderByDescending(a => a.UpdatedAt),
            _ => throw new ArgumentOutOfRangeException(nameof(sort), sort, null),
        };
        return descending ? ordered.ThenByDescending(a => a.Id) : ordered.ThenBy(a => a.Id);
    }
}
