using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Audit;
using AssistantPortal.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Admin.Users;

/// <summary>
/// Locks an account until an admin unlocks it (Identity lockout), by the rule of <see cref="GlobalRoles.CanLock"/>.
/// The security stamp changes too, so every session of the account ends: open tabs at once
/// (<see cref="IUserSessionEvents"/>), the cookie at its next request (<see cref="LockedAccountCookieCheck"/>).
/// </summary>
public sealed class LockUser(
    IDbContextFactory<ApplicationDbContext> dbFactory, IAuditLog audit, IAccessChangeEvents accessEvents, IUserSessionEvents sessionEvents,
    TimeProvider clock)
    : UserAdminCommand(dbFactory, audit, accessEvents, sessionEvents)
{
    public Task<CommandResult> ExecuteAsync(ClaimsPrincipal principal, string? userId) =>
        RunAsync(principal, userId, (db, loaded) =>
        {
            var target = loaded.Target;
            var decision = GlobalRoles.CanLock(loaded.Actor.Role, loaded.TargetIsSelf, target.GlobalRole);
            if (!decision.Allowed)
            {
                return Task.FromResult<CommandResult?>(CommandResult.Forbidden(decision.Reason!));
            }
            if (target.LockoutEnd == DateTimeOffset.MaxValue)
            {
                return Task.FromResult<CommandResult?>(CommandResult.Invalid(Fields.User, $"{target.UserName} is already locked."));
            }
            var wasLockedForAWhile = IsLocked(target.LockoutEnd, clock.GetUtcNow());
            target.LockoutEnabled = true;
            target.LockoutEnd = DateTimeOffset.MaxValue;
            target.SecurityStamp = Guid.NewGuid().ToString();
            Audit(db, AuditAction.UserLocked, loaded,
                wasLockedForAWhile ? "locked until unlocked (was locked after failed sign-ins)" : "locked until unlocked");
            return Task.FromResult<CommandResult?>(null);
        });
}
