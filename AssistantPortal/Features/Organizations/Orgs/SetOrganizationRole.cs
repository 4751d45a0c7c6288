using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Organizations;

/// <summary>Makes a member an Org Admin or a plain Member again: Global Admins only (SPEC §3).</summary>
public sealed class SetOrganizationRole(
    IDbContextFactory<ApplicationDbContext> dbFactory, IAuditLog audit, IAccessChangeEvents accessEvents, TimeProvider clock)
    : MembershipCommand(dbFactory, audit, accessEvents, clock)
{
    public async Task<CommandResult> ExecuteAsync(ClaimsPrincipal principal, int organizationId, string userId, OrganizationRole role)
    {
        await using var db = await CreateDbContextAsync();
        var actor = await ActorAsync(db, principal);
        var organization = actor is null ? null
            : await MembershipPermissions.VisibleOrganizations(db, actor).FirstOrDefaultAsync(o => o.Id == organizationId);
        if (actor is null || organization is null)
        {
            return CommandResult.NotFound();
        }
        if (!MembershipPermissions.CanManageOrganizationAdmins(actor))
        {
            return CommandResult.Forbidden("Only Global Admins change who is an Org Admin.");
        }
        if (!Enum.IsDefined(role))
        {
            return CommandResult.Invalid(Fields.Role, "Choose Member or Org Admin.");
        }
        var member = await db.OrganizationMembers.Include(m => m.User)
            .FirstOrDefaultAsync(m => m.OrganizationId == organizationId && m.UserId == userId);
        if (member is null)
        {
            return CommandResult.Invalid(Fields.User, "That person is not a member of this organization.");
        }
        if (member.Role == role)
        {
            return CommandResult.Invalid(Fields.Role, $"{member.User.UserName} is already {role.DisplayName()}.");
        }
        var before = member.Role;
        member.Role = role;
        Audit(db, actor, $"organization {organization.Name}", $"{member.User.UserName}: {before.DisplayName()} → {role.DisplayName()}");
        return await SaveAsync(db, membershipChanged: true, CommandResult.NotFound(), () => CommandResult.Ok());
    }
}
