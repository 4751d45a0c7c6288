using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Admin.Groups;

public sealed record OrganizationAdminRow(int Id, string Name, int Members, int OrgAdmins, int Teams, int Projects);
public sealed record TeamAdminRow(int Id, string Name, int OrganizationId, string OrganizationName, int Members, int Owners);
public sealed record AdminPage<T>(IReadOnlyList<T> Rows, int Total);

/// <summary>
/// The lists of the "Teams and organizations" admin section (SPEC §9): every organization and team, searched
/// by name and paged in the database. Global Admins only, asked again on every call (the page's policy is the
/// surface); anyone else gets an empty page, as if nothing existed.
/// </summary>
public sealed class GroupsAdminQuery(IDbContextFactory<ApplicationDbContext> dbFactory)
{
    public const int MaxPageSize = 100;

    public async Task<AdminPage<OrganizationAdminRow>> OrganizationsAsync(ClaimsPrincipal principal, string? search, int skip, int take)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        if (await Actor.LoadAsync(db, principal) is not { IsGlobalAdmin: true })
        {
            return new([], 0);
        }
        var query = db.Organizations.AsQueryable();
        if (Normalized(search) is { } text)
        {
            query = query.Where(o => o.Name.ToUpper().Contains(text));
        }
        var total = await query.CountAsync();
        var rows = await query.OrderBy(o => o.Name).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, MaxPageSize))
            .Select(o => new OrganizationAdminRow(o.Id, o.Name, o.Members.Count, o.Members.Count(m => m.Role == OrganizationRole.Admin),
                o.Teams.Count, o.Projects.Count))
            .ToListAsync();
        return new(rows, total);
    }

    /// <summary>Teams whose name, or whose organization's name, contains <paramref name="search"/>.</summary>
    public async Task<AdminPage<TeamAdminRow>> TeamsAsync(ClaimsPrincipal principal, string? search, int skip, int take)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        if (await Actor.LoadAsync(db, principal) is not { IsGlobalAdmin: true })
        {
            return new([], 0);
        }
        var query = db.Teams.AsQueryable();
        if (Normalized(search) is { } text)
        {
            query = query.Where(t => t.Name.ToUpper().Contains(text) || t.Organization.Name.ToUpper().Contains(text));
        }
        var total = await query.CountAsync();
        var rows = await query.OrderBy(t => t.Name).ThenBy(t => t.Organization.Name).Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, MaxPageSize))
            .Select(t => new TeamAdminRow(t.Id, t.Name, t.OrganizationId, t.Organization.Name, t.Members.Count,
                t.Members.Count(m => m.Role == TeamRole.Owner)))
            .ToListAsync();
        return new(rows, total);
    }

    /// <summary>Every organization, for the "new team" form.</summary>
    public async Task<IReadOnlyList<Choice>> OrganizationChoicesAsync(ClaimsPrincipal principal)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        if (await Actor.LoadAsync(db, principal) is not { IsGlobalAdmin: true })
        {
            return [];
        }
        return await db.Organizations.OrderBy(o => o.Name).Select(o => new Choice(o.Id, o.Name, null)).ToListAsync();
    }

    public async Task<bool> OrganizationExistsAsync(ClaimsPrincipal principal, int id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await Actor.LoadAsync(db, principal) is { IsGlobalAdmin: true } && await db.Organizations.AnyAsync(o => o.Id == id);
    }

    public async Task<bool> TeamExistsAsync(ClaimsPrincipal principal, int id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        return await Actor.LoadAsync(db, principal) is { IsGlobalAdmin: true } && await db.Teams.AnyAsync(t => t.Id == id);
    }

    private static string? Normalized(string? search) =>
        string.IsNullOrWhiteSpace(search) ? null : search.Trim().ToUpperInvariant();
}
