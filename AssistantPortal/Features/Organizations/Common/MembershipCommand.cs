using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Audit;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Organizations;

/// <summary>
/// What every membership command shares: a context per call, the audit entry saved with the change,
/// the access-change signal after it, and a unique-index violation (two people racing for the same
/// name or membership) reported as the same message as the check that lost the race.
/// </summary>
public abstract class MembershipCommand(
    IDbContextFactory<ApplicationDbContext> dbFactory, IAuditLog audit, IAccessChangeEvents accessEvents, TimeProvider clock)
{
    protected TimeProvider Clock { get; } = clock;

    protected Task<ApplicationDbContext> CreateDbContextAsync() => dbFactory.CreateDbContextAsync();

    protected static Task<Actor?> ActorAsync(ApplicationDbContext db, ClaimsPrincipal principal) => Actor.LoadAsync(db, principal);

    /// <summary>Adds the MembershipChanged audit entry to the same save as the change.</summary>
    protected void Audit(ApplicationDbContext db, Actor actor, string target, string details) =>
        audit.Add(db, AuditAction.MembershipChanged, actor.Id, actor.Name, null, null, target, details);

    /// <summary>
    /// Saves; on a unique violation returns <paramref name="onDuplicate"/> (nothing saved). When
    /// <paramref name="membershipChanged"/>, open pages are told that access may have changed.
    /// </summary>
    protected async Task<CommandResult> SaveAsync(ApplicationDbContext db, bool membershipChanged, CommandResult onDuplicate, Func<CommandResult> onSaved)
    {
        try
        {
            await db.SaveChangesAsync();
        }
        catch (DbUpdateException e) when (IsUniqueViolation(e))
        {
            return onDuplicate;
        }
        if (membershipChanged)
        {
            accessEvents.PublishAll();
        }
        return onSaved();
    }

    /// <summary>Tells open pages that access on any assistant may have changed (after a commit of the command's own).</summary>
    protected void PublishAll() => accessEvents.PublishAll();

    /// <summary>Finds an account by user name or email, case-insensitively.</summary>
    protected static Task<ApplicationUser?> FindUserAsync(ApplicationDbContext db, string? userNameOrEmail)
    {
        var normalized = (userNameOrEmail ?? "").Trim().ToUpperInvariant();
        return normalized.Length == 0
            ? Task.FromResult<ApplicationUser?>(null)
            : db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == normalized || u.NormalizedEmail == normalized);
    }

    protected static CommandResult UnknownUser(string? typed) =>
        CommandResult.Invalid(Fields.User, string.IsNullOrWhiteSpace(typed) ? "Choose a user." : $"There is no user \"{typed.Trim()}\".");

    private static bool IsUniqueViolation(DbUpdateException e) =>
        e.InnerException is SqliteException { SqliteErrorCode: 19 } sqlite
            ? sqlite.SqliteExtendedErrorCode is 2067 or 1555
            : e.InnerException?.Message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase) == true;
}
