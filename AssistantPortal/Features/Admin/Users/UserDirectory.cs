using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Admin.Users;

/// <summary>The columns the Users list sorts by. The lock state is not one: SQLite cannot order by a date-time offset.</summary>
public enum UserSort
{
    Email = 0,
    UserName = 1,
    Role = 2,
    Created = 3,
}

/// <summary>One page of the Users list: what to search for (email or user name, any part), how to sort, which page.</summary>
public sealed record UserListQuery(string? Search, UserSort Sort, bool Descending, int Page, int PageSize);

/// <summary>
/// A user as the Users list shows it, with what the viewer may do to them: the roles they may give
/// (<see cref="GlobalRoles.CanAssign"/>) and whether they may lock or unlock. The markup only hides; the commands decide.
/// </summary>
public sealed record UserRow(
    string Id, string UserName, string Email, GlobalRole Role, DateTime CreatedAt, DateTimeOffset? LockedUntil, bool IsSelf,
    IReadOnlyList<GlobalRole> RoleChoices, bool CanLock, bool CanUnlock)
{
    public bool IsLocked => LockedUntil is not null;

    /// <summary>Locked by an admin (until unlocked) rather than for a while after failed sign-ins.</summary>
    public bool IsLockedIndefinitely => LockedUntil == DateTimeOffset.MaxValue;
}

/// <summary>One page of users and the number of users that match the search.</summary>
public sealed record UserPage(IReadOnlyList<UserRow> Rows, int TotalCount);

/// <summary>
/// The Users section's list (SPEC §9): search, sort and paging done by the database, for viewers whose current role
/// (read from the database) opens the section. There is no last-sign-in column: the schema does not record sign-ins.
/// </summary>
public sealed class UserDirectory(IDbContextFactory<ApplicationDbContext> dbFactory, TimeProvider clock)
{
    public const int MaxPageSize = 100;

    /// <summary>The page, or null when the viewer may not open the Users section.</summary>
    public async Task<UserPage?> PageAsync(ClaimsPrincipal principal, UserListQuery query, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var actor = await Actor.LoadAsync(db, principal, ct);
        if (actor is null || !GlobalRoles.AdminSections(actor.Role).HasFlag(AdminSection.Users))
        {
            return null;
        }
        var users = db.Users.AsNoTracking();
        var search = (query.Search ?? "").Trim().ToUpperInvariant();
        if (search.Length > 0)
        {
            users = users.Where(u => u.NormalizedEmail!.Contains(search) || u.NormalizedUserName!.Contains(search));
        }
        var total = await users.CountAsync(ct);
        var pageSize = Math.Clamp(query.PageSize, 1, MaxPageSize);
        var page = Math.Max(query.Page, 0);
        var rows = await Sorted(users, query.Sort, query.Descending)
            .Skip(page * pageSize).Take(pageSize)
            .Select(u => new { u.Id, u.UserName, u.Email, u.GlobalRole, u.CreatedAt, u.LockoutEnd })
            .ToListAsync(ct);
        var globalAdmins = await db.Users.CountAsync(u => u.GlobalRole == GlobalRole.GlobalAdmin, ct);
        var now = clock.GetUtcNow();
        return new UserPage(rows.Select(u =>
        {
            var self = u.Id == actor.Id;
            var choices = Enum.GetValues<GlobalRole>().OrderByDescending(r => r)
                .Where(r => r != u.GlobalRole && GlobalRoles.CanAssign(actor.Role, self, u.GlobalRole, r, globalAdmins).Allowed)
                .ToList();
            var locked = UserAdminCommand.IsLocked(u.LockoutEnd, now);
            return new UserRow(u.Id, u.UserName ?? u.Id, u.Email ?? "", u.GlobalRole, u.CreatedAt, locked ? u.LockoutEnd : null, self, choices,
                CanLock: !locked && GlobalRoles.CanLock(actor.Role, self, u.GlobalRole).Allowed,
                CanUnlock: locked && GlobalRoles.CanUnlock(actor.Role, self, u.GlobalRole).Allowed);
        }).ToList(), total);
    }

    /// <summary>Sorted by the column, then by id so that pages never overlap or skip a row.</summary>
    private static IQueryable<ApplicationUser> Sorted(IQueryable<ApplicationUser> users, UserSort sort, bool descending) => sort switch
    {
        UserSort.UserName => descending ? users.OrderByDescending(u => u.NormalizedUserName).ThenBy(u => u.Id) : users.OrderBy(u => u.NormalizedUserName).ThenBy(u => u.Id),
        UserSort.Role => descending ? users.OrderByDescending(u => u.GlobalRole).ThenBy(u => u.NormalizedEmail).ThenBy(u => u.Id)
            : users.OrderBy(u => u.GlobalRole).ThenBy(u => u.NormalizedEmail).ThenBy(u => u.Id),
        UserSort.Created => descending ? users.OrderByDescending(u => u.CreatedAt).ThenBy(u => u.Id) : users.OrderBy(u => u.CreatedAt).ThenBy(u => u.Id),
        _ => descending ? users.OrderByDescending(u => u.NormalizedEmail).ThenBy(u => u.Id) : users.OrderBy(u => u.NormalizedEmail).ThenBy(u => u.Id),
    };
}
