using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Organizations;

/// <summary>
/// Removes a user from an organization. Org Admins may remove Members; removing an Org Admin is for
/// Global Admins (SPEC §3). A decision: the person keeps their team memberships, which an Org Admin
/// or Team Owner removes separately, so removing never cascades silently.
/// </summary>
public sealed class RemoveOrganizationMember(
    IDbContextFactory<ApplicationDbContext> dbFactory, IAuditLog audit, IAccessChangeEvents accessEvents, TimeProvider clock)
    : MembershipCommand(dbFactory, audit, accessEvents, clock)
{
    public async Task<CommandResult> ExecuteAsync(ClaimsPrincipal principal, int organizationId, string userId)
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
        var member = await db.OrganizationMembers.Include(m => m.User)
            .FirstOrDefaultAsync(m => m.OrganizationId == organizationId && m.UserId == userId);
        if (member is null)
        {
            return CommandResult.Invalid(Fields.User, "That person is not a member of this organization.");
        }
        if (!MembershipPermissions.CanManageOrganizationMembers(actor, actorRole) ||
            (member.Role == OrganizationRole.Admin && !MembershipPermissions.CanManageOrganizationAdmins(actor)))
        {
            return CommandResult.Forbidden(member.Role == OrganizationRole.Admin
                ? "Only Global Admins remove Org Admins."
                : "Only Global Admins and Org Admins remove members of an organization.");
        }
        db.OrganizationMembers.Remove(member);
        Audit(db, actor, $"organization {organization.Name}", $"{member.User.UserName} removed");
        return await SaveAsync(db, membershipChanged: true, CommandResult.NotFound(), () => CommandResult.Ok());
    }
}
