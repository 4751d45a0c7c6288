using System.Security.Claims;
using AssistantPortal.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Access;

/// <summary>Named policies over global roles. The role is read from the database, never from the cookie.</summary>
public static class Policies
{
    public const string GlobalAdmin = "GlobalAdmin";
    public const string ApplicationAdmin = "ApplicationAdmin";

    /// <summary>Team Owners, Org Admins and Global Admins: the people with an Inbox (SPEC §7).</summary>
    public const string Reviewer = "Reviewer";

    /// <summary>Requires one of the admin-panel sections.</summary>
    public static string Section(AdminSection section) => $"AdminSection:{section}";
}

/// <summary>Requires that the user's current global role opens <see cref="Section"/> (or is at least <see cref="MinimumRole"/>).</summary>
public sealed class GlobalRoleRequirement(GlobalRole minimumRole, AdminSection section = AdminSection.None) : IAuthorizationRequirement
{
    public GlobalRole MinimumRole { get; } = minimumRole;
    public AdminSection Section { get; } = section;
}

/// <summary>
/// Decides <see cref="GlobalRoleRequirement"/> from the database, so that a role change takes effect
/// on the user's very next request.
/// </summary>
public sealed class GlobalRoleHandler(IDbContextFactory<ApplicationDbContext> dbFactory) : AuthorizationHandler<GlobalRoleRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, GlobalRoleRequirement requirement)
    {
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return;
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        var user = await db.Users.Where(u => u.Id == userId)
            .Select(u => new { u.GlobalRole, u.LockoutEnd }).FirstOrDefaultAsync();
        if (user is null || user.LockoutEnd > DateTimeOffset.UtcNow)
        {
            return;
        }
        var allowed = requirement.Section == AdminSection.None
            ? user.GlobalRole >= requirement.MinimumRole
            : GlobalRoles.AdminSections(user.GlobalRole).HasFlag(requirement.Section);
        if (allowed)
        {
            context.Succeed(requirement);
        }
    }
}

/// <summary>Requires that the user may decide share requests: Global Admin, or owner of a team, or admin of an organization.</summary>
public sealed class ReviewerRequirement : IAuthorizationRequirement;

/// <summary>Decides <see cref="ReviewerRequirement"/> from the database, on every request.</summary>
public sealed class ReviewerHandler(IDbContextFactory<ApplicationDbContext> dbFactory) : AuthorizationHandler<ReviewerRequirement>
{
    protected override async Task HandleRequirementAsync(AuthorizationHandlerContext context, ReviewerRequirement requirement)
    {
        var userId = context.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return;
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        var isReviewer = await db.Users.AnyAsync(u => u.Id == userId && u.GlobalRole == GlobalRole.GlobalAdmin)
            || await db.TeamMembers.AnyAsync(m => m.UserId == userId && m.Role == TeamRole.Owner)
            || await db.OrganizationMembers.AnyAsync(m => m.UserId == userId && m.Role == OrganizationRole.Admin);
        if (isReviewer)
        {
            context.Succeed(requirement);
        }
    }
}
