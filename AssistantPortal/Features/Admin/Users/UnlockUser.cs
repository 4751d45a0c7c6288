using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Audit;
using AssistantPortal.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Admin.Users;

/// <summary>
/// Unlocks an account (an admin's lock or the lockout after failed sign-ins) by the rule of
/// <see cref="GlobalRoles.CanUnlock"/>, and forgets the failed sign-ins. The person signs in again.
/// </summary>
public sealed class UnlockUser(
    IDbContextFactory<ApplicationDbContext> dbFactory, IAuditLog audit, IAccessChangeEvents accessEvents, IUserSessionEvents sessionEvents,
    TimeProvider clock)
    : UserAdminCommand(dbFactory, audit, accessEvents, sessionEvents)
{
    public Task<CommandResult> ExecuteAsync(ClaimsPrincipal principal, string? userId) =>
        RunAsync(principal, userId, (db, loaded) =>
        {
            var target = loaded.Target;
            var decision = GlobalRoles.CanUnlock(loaded.Actor.Role, loaded.TargetIsSelf, target.GlobalRole);
            if (!decision.Allowed)
            {
                return Task.FromResult<CommandResult?>(CommandResult.Forbidden(decision.Reason!));
            }
            if (!IsLocked(target.LockoutEnd, clock.GetUtcNow()))
            {
                return Task.FromResult<CommandResult?>(CommandResult.Invalid(Fields.User, $"{target.UserName} is not locked."));
            }
            target.LockoutEnd = null;
            target.AccessFailedCount = 0;
            Audit(db, AuditAction.UserUnlocked, loaded, "unlocked");
            return Task.FromResult<CommandResult?>(null);
        });
}
