using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Organizations;

/// <summary>
/// Adds a user to an organization. Members: Global Admins and the organization's Org Admins; adding
/// straight in as Org Admin: Global Admins only (SPEC §3).
/// </summary>
public sealed class AddOrganizationMember(
    IDbContextFactory<ApplicationDbContext> dbFactory, IAuditLog audit, IAccessChangeEvents accessEvents, TimeProvider clock)
    : MembershipCommand(dbFactory, audit, accessEvents, clock)
{
    public async Task<CommandResult> ExecuteAsync(ClaimsPrincipal principal, int organizationId, string? userName, OrganizationRole role)
    {
        await using var db = await CreateDbContextAsync();
        var actor = await ActorAsync(db, principal);
        var organization = actor is null ? null
            : await MembershipPermissions.VisibleOrganizations(db, actor).FirstOrDefaultAsync(o => o.Id == organizationId);
        if (actor is null || organization is null)
        {
            return CommandResult.NotFound();
        }
        var actorRole = await db.OrganizationMembers.Where(m => m.OrganizationId == organizationId && m.UserId == actor.Id)
            .Select(m => (OrganizationRole?)m.Role).FirstOrDefaultAsync();
        if (!MembershipPermissions.CanManageOrganizationMembers(actor, actorRole) ||
            (role == OrganizationRole.Admin && !MembershipPermissions.CanManageOrganizationAdmins(actor)))
        {
            return CommandResult.Forbidden(role == OrganizationRole.Admin
                ? "Only Global Admins make Org Admins."
                : "Only Global Admins and Org Admins add members to an organization.");
        }
        if (!Enum.IsDefined(role))
        {
            return CommandResult.Invalid(Fields.Role, "Choose Member or Org Admin.");
        }
        var user = await FindUserAsync(db, userName);
        if (user is null)
        {
            return UnknownUser(userName);
        }
        var duplicate = CommandResult.Invalid(Fields.User, $"{user.UserName} is already a member of {organization.Name}.");
        if (await db.OrganizationMembers.AnyAsync(m => m.OrganizationId == organizationId && m.UserId == user.Id))
        {
            return duplicate;
        }
        db.OrganizationMembers.Add(new OrganizationMember { OrganizationId = organizationId, UserId = user.Id, Role = role });
        Audit(db, actor, $"organization {organization.Name}", $"{user.UserName} added as {role.DisplayName()}");
        return await SaveAsync(db, membershipChanged: true, duplicate, () => CommandResult.Ok());
    }
}
