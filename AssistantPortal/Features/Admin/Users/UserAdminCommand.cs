using AssistantPortal.Infrastructure;
using System.Data;
using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Audit;
using AssistantPortal.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Admin.Users;

/// <summary>
/// What the commands of the Users section share (SPEC §3, §9): each runs in one serializable transaction that
/// re-reads the actor (its role as the database holds it now, never the cookie's) and the target, so the rule is
/// decided on what is true at the moment of the write; the audit entry is saved with the change; after the
/// commit, open tabs of the target and open assistant pages are told.
/// </summary>
public abstract class UserAdminCommand(
    IDbContextFactory<ApplicationDbContext> dbFactory, IAuditLog audit, IAccessChangeEvents accessEvents, IUserSessionEvents sessionEvents)
{
    /// <summary>Loaded inside the transaction: who acts, on whom.</summary>
    protected sealed record Loaded(Actor Actor, ApplicationUser Target)
    {
        public bool TargetIsSelf => Actor.Id == Target.Id;
    }

    /// <summary>
    /// Runs <paramref name="change"/> on the actor and target inside a <see cref="SerializedTransaction"/>: two admins
    /// acting at once (two Global Admins stepping down together) are decided one after the other, the second on the
    /// first's result.
    /// <paramref name="change"/> returns null after changing the target, or the refusal to return (nothing is saved).
    /// </summary>
    protected async Task<CommandResult> RunAsync(ClaimsPrincipal principal, string? userId,
        Func<ApplicationDbContext, Loaded, Task<CommandResult?>> change)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        await using var transaction = await SerializedTransaction.BeginAsync(db, "user-admin");
        var actor = await Actor.LoadAsync(db, principal);
        if (actor is null || !GlobalRoles.AdminSections(actor.Role).HasFlag(AdminSection.Users))
        {
            // Checked before the target is looked at, so a refused actor learns nothing about who exists.
            return CommandResult.Forbidden("Only Global Admins and Application Admins manage users.");
        }
        var target = string.IsNullOrWhiteSpace(userId) ? null : await db.Users.FirstOrDefaultAsync(u => u.Id == userId);
        if (target is null)
        {
            return CommandResult.Invalid(Fields.User, "There is no such user.");
        }
        if (await change(db, new Loaded(actor, target)) is { } refusal)
        {
            return refusal;
        }
        // Identity's optimistic-concurrency token: a UserManager update read before this one now fails instead of overwriting it.
        target.ConcurrencyStamp = Guid.NewGuid().ToString();
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        sessionEvents.PublishUserChanged(target.Id);
        accessEvents.PublishAll();
        return CommandResult.Ok();
    }

    protected void Audit(ApplicationDbContext db, AuditAction action, Loaded loaded, string details) =>
        audit.Add(db, action, loaded.Actor.Id, loaded.Actor.Name, null, null, loaded.Target.UserName ?? loaded.Target.Id, details);

    /// <summary>Is the account locked now (by an admin, or for a while after failed sign-ins)?</summary>
    public static bool IsLocked(DateTimeOffset? lockoutEnd, DateTimeOffset now) => lockoutEnd > now;
}
