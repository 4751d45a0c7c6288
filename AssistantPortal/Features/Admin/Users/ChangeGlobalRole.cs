using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Audit;
using AssistantPortal.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Admin.Users;

/// <summary>
/// Gives a user another global role by the rules of SPEC §3 (<see cref="GlobalRoles.CanAssign"/>), decided on the
/// actor's and target's roles and the number of Global Admins as they are inside the transaction, so the last
/// Global Admin cannot step down even when two do so at the same moment. The change applies on the user's next
/// request and in their open tabs (<see cref="IUserSessionEvents"/>); it does not sign them out.
/// </summary>
public sealed class ChangeGlobalRole(
    IDbContextFactory<ApplicationDbContext> dbFactory, IAuditLog audit, IAccessChangeEvents accessEvents, IUserSessionEvents sessionEvents)
    : UserAdminCommand(dbFactory, audit, accessEvents, sessionEvents)
{
    public Task<CommandResult> ExecuteAsync(ClaimsPrincipal principal, string? userId, GlobalRole role) =>
        RunAsync(principal, userId, async (db, loaded) =>
        {
            if (!Enum.IsDefined(role))
            {
                return CommandResult.Invalid(Fields.Role, "Choose Global Admin, Application Admin or User.");
            }
            var current = loaded.Target.GlobalRole;
            if (current == role)
            {
                return CommandResult.Invalid(Fields.Role, $"{loaded.Target.UserName} is already {role.DisplayName()}.");
            }
            var globalAdmins = await db.Users.CountAsync(u => u.GlobalRole == GlobalRole.GlobalAdmin);
            var decision = GlobalRoles.CanAssign(loaded.Actor.Role, loaded.TargetIsSelf, current, role, globalAdmins);
            if (!decision.Allowed)
            {
                return CommandResult.Forbidden(decision.Reason!);
            }
            loaded.Target.GlobalRole = role;
            Audit(db, AuditAction.GlobalRoleChanged, loaded, $"{current.DisplayName()} → {role.DisplayName()}");
            return null;
        });
}
