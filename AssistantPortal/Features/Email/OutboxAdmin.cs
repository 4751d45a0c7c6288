using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Email;

/// <summary>One row of the outgoing-mail list (no bodies: the list stays small).</summary>
public sealed record OutboxRow(long Id, string To, string Subject, OutboxStatus Status, int Attempts,
    DateTime CreatedAt, DateTime? NextAttemptAt, DateTime? SentAt, string? LastError);

/// <summary>One message with its bodies, for reading it in the admin panel.</summary>
public sealed record OutboxDetail(OutboxRow Row, string TextBody, string HtmlBody);

/// <summary>How a resend ended.</summary>
public enum ResendResult
{
    Resent,
    /// <summary>No such message, or the actor may not see the outbox (reported alike: denial is not-found).</summary>
    NotFound,
    /// <summary>Only dead messages can be resent; this one is waiting or sent.</summary>
    NotDead,
}

/// <summary>
/// The outbox for the admin panel's "Outgoing mail" section (SPEC §9, Global Admins only). Every call checks the
/// actor's global role in the database, so a demoted admin is refused on their next click.
/// </summary>
public sealed class OutboxAdmin(IDbContextFactory<ApplicationDbContext> dbFactory, OutboxSignal signal, IAuditLog audit)
{
    /// <summary>What the admin is told when the message is no longer dead (sent or already resent meanwhile).</summary>
    public const string NotDeadMessage = "Only a dead message can be resent; this one is waiting or has been sent. Nothing was changed.";

    /// <summary>How many messages are in each status (every status present, zero where none).</summary>
    public async Task<IReadOnlyDictionary<OutboxStatus, int>> CountByStatusAsync(ClaimsPrincipal actor, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await EnsureGlobalAdminAsync(db, actor, cancellationToken);
        var counts = await db.OutboxMessages.GroupBy(m => m.Status)
            .Select(g => new { Status = g.Key, Count = g.Count() })
            .ToDictionaryAsync(x => x.Status, x => x.Count, cancellationToken);
        return Enum.GetValues<OutboxStatus>().ToDictionary(s => s, s => counts.GetValueOrDefault(s));
    }

    /// <summary>Messages, newest first, optionally of one status.</summary>
    public async Task<(IReadOnlyList<OutboxRow> Rows, int Total)> ListAsync(ClaimsPrincipal actor, OutboxStatus? status,
        int skip, int take, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await EnsureGlobalAdminAsync(db, actor, cancellationToken);
        var query = db.OutboxMessages.AsNoTracking();
        if (status is not null)
        {
            query = query.Where(m => m.Status == status);
        }
        var total = await query.CountAsync(cancellationToken);
        var rows = await query.OrderByDescending(m => m.Id)
            .Skip(Math.Max(skip, 0)).Take(Math.Clamp(take, 1, 200))
            .Select(m => new OutboxRow(m.Id, m.To, m.Subject, m.Status, m.Attempts, m.CreatedAt, m.NextAttemptAt, m.SentAt, m.LastError))
            .ToListAsync(cancellationToken);
        return (rows, total);
    }

    /// <summary>One message with its bodies; null when there is none with that id.</summary>
    public async Task<OutboxDetail?> FindAsync(ClaimsPrincipal actor, long id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await EnsureGlobalAdminAsync(db, actor, cancellationToken);
        return await db.OutboxMessages.AsNoTracking().Where(m => m.Id == id)
            .Select(m => new OutboxDetail(
                new OutboxRow(m.Id, m.To, m.Subject, m.Status, m.Attempts, m.CreatedAt, m.NextAttemptAt, m.SentAt, m.LastError),
                m.TextBody, m.HtmlBody))
            .SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>
    /// Puts a dead message back in the queue with a fresh count of tries, audited in the same transaction,
    /// and wakes the sender once that is committed.
    /// </summary>
    public async Task<ResendResult> ResendAsync(ClaimsPrincipal actor, long id, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var admin = await GlobalAdminAsync(db, actor, cancellationToken);
        if (admin is null)
        {
            return ResendResult.NotFound;
        }
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // Conditional, so two admins clicking Resend at once put it back once.
        var changed = await db.OutboxMessages.Where(m => m.Id == id && m.Status == OutboxStatus.Dead)
            .ExecuteUpdateAsync(s => s
                .SetProperty(m => m.Status, OutboxStatus.Waiting)
                .SetProperty(m => m.Attempts, 0)
                .SetProperty(m => m.NextAttemptAt, (DateTime?)null), cancellationToken);
        if (changed == 1)
        {
            var message = await db.OutboxMessages.AsNoTracking().Where(m => m.Id == id)
                .Select(m => new { m.To, m.Subject }).SingleAsync(cancellationToken);
            audit.Add(db, AuditAction.MailResent, admin.Value.Id, admin.Value.Name, null, null, message.To,
                $"Resent outgoing message #{id} \"{message.Subject}\"");
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
            signal.Notify();
            return ResendResult.Resent;
        }
        await transaction.RollbackAsync(cancellationToken);
        return await db.OutboxMessages.AnyAsync(m => m.Id == id, cancellationToken) ? ResendResult.NotDead : ResendResult.NotFound;
    }

    private static async Task EnsureGlobalAdminAsync(ApplicationDbContext db, ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        if (!await IsGlobalAdminAsync(db, actor, cancellationToken))
        {
            throw new UnauthorizedAccessException("Only Global Admins see the outbox.");
        }
    }

    private static async Task<bool> IsGlobalAdminAsync(ApplicationDbContext db, ClaimsPrincipal actor, CancellationToken cancellationToken) =>
        await GlobalAdminAsync(db, actor, cancellationToken) is not null;

    /// <summary>The actor's id and user name when they are a Global Admin now; otherwise null.</summary>
    private static async Task<(string Id, string Name)?> GlobalAdminAsync(ApplicationDbContext db, ClaimsPrincipal actor, CancellationToken cancellationToken)
    {
        var userId = Viewer.From(actor).UserId;
        if (userId is null)
        {
            return null;
        }
        var name = await db.Users.Where(u => u.Id == userId && u.GlobalRole == GlobalRole.GlobalAdmin)
            .Select(u => u.UserName).SingleOrDefaultAsync(cancellationToken);
        return name is null ? null : (userId, name);
    }
}
