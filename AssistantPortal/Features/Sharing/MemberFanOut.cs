using AssistantPortal.Data;
using AssistantPortal.Features.Email;
using AssistantPortal.Features.Notifications;
using AssistantPortal.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AssistantPortal.Features.Sharing;

/// <summary>Configuration section "Sharing": how the "shared with your team/organization" fan-out is written.</summary>
public sealed class SharingOptions
{
    public const string Section = "Sharing";

    /// <summary>
    /// Up to this many members are told in the transaction of the share itself (two <c>INSERT … SELECT</c>); a larger
    /// team or organization gets one fan-out job instead (<see cref="MemberFanOutWorker"/>), so the share returns at once
    /// (SPEC §6: "a share with an organization of thousands of members must return at once; the mail follows").
    /// </summary>
    public int InlineFanOutLimit { get; set; } = 500;

    /// <summary>Members the worker tells per transaction: small enough that a share waiting for the write lock waits little.</summary>
    public int FanOutChunkSize { get; set; } = 1_000;
}

/// <summary>Wakes the <see cref="MemberFanOutWorker"/> when a job was committed. Several signals before it wakes count as one.</summary>
public sealed class MemberFanOutSignal : WakeUpSignal;

/// <summary>Signals the <see cref="MemberFanOutSignal"/> once a save that added a fan-out job is committed.</summary>
public sealed class MemberFanOutSignalInterceptor(MemberFanOutSignal signal) : AfterCommitInterceptor<object>
{
    private static readonly object NewJob = new();

    protected override object? Collect(DbContext context, object? pending) =>
        context.ChangeTracker.Entries<MemberFanOut>().Any(e => e.State == EntityState.Added)
            ? NewJob
            : pending;

    protected override void Committed(object state) => signal.Notify();
}

/// <summary>
/// Turns fan-out jobs (<see cref="MemberFanOut"/>) into one notification and, for members with an address, one outbox mail per member, a chunk of
/// members (in user-id order) per transaction. Each chunk's rows and the job's progress are committed together, so
/// every member is told exactly once even if the app stops half-way or two instances work on one database; the job
/// row is deleted with its last chunk. A job whose assistant is deleted goes with it (cascade). Open tabs hear of each chunk's notifications and the mail sender is woken.
/// </summary>
/// <remarks>
/// Decision: the members told are those of the target when their chunk is written, a moment after the share; someone
/// who joins in that moment is told too, someone who leaves may not be.
/// </remarks>
public sealed partial class MemberFanOutWorker(
    IDbContextFactory<ApplicationDbContext> dbFactory,
    MemberFanOutSignal signal,
    INotificationEvents notificationEvents,
    OutboxSignal outboxSignal,
    IOptions<SharingOptions> options,
    TimeProvider clock,
    ILogger<MemberFanOutWorker> logger) : BackgroundService
{
    /// <summary>Jobs are looked for this often even without a signal (another instance's, or one left by a stop).</summary>
    private static readonly TimeSpan PollInterval = TimeSpan.FromSeconds(5);

    /// <summary>A pause between chunks, so writers waiting for the lock (a share, a chat log) get it in between.</summary>
    private static readonly TimeSpan ChunkPause = TimeSpan.FromMilliseconds(5);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await ExpandPendingAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database failed (locked, gone): the job is still there; try again at the next poll.
                LogRoundFailed(ex);
            }
            try
            {
                await signal.WaitAsync(PollInterval, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Expands every job there is; returns how many members were told.</summary>
    public async Task<int> ExpandPendingAsync(CancellationToken cancellationToken = default)
    {
        var told = 0;
        while (true)
        {
            long? jobId;
            await using (var db = await dbFactory.CreateDbContextAsync(cancellationToken))
            {
                jobId = await db.MemberFanOuts.OrderBy(j => j.Id).Select(j => (long?)j.Id).FirstOrDefaultAsync(cancellationToken);
            }
            if (jobId is null)
            {
                return told;
            }
            while (true)
            {
                var (chunk, done) = await ExpandChunkAsync(jobId.Value, cancellationToken);
                told += chunk;
                if (done)
                {
                    break;
                }
                await Task.Delay(ChunkPause, clock, cancellationToken);
            }
        }
    }

    private async Task<(int Told, bool Done)> ExpandChunkAsync(long jobId, CancellationToken cancellationToken)
    {
        var chunkSize = Math.Max(1, options.Value.FanOutChunkSize);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var job = await db.MemberFanOuts.AsNoTracking().FirstOrDefaultAsync(j => j.Id == jobId, cancellationToken);
        if (job is null)
        {
            // Another instance finished it, or its assistant was deleted (the job went with it).
            return (0, true);
        }

        var after = job.After ?? "";
        var ids = await MemberFanOutSql.NextMembersAsync(db, job.TargetKind, job.TargetId, job.ExceptUserId, after, chunkSize, cancellationToken);

        var mails = 0;
        if (ids.Count > 0)
        {
            mails = await MemberFanOutSql.TellAsync(db, job.TargetKind, job.TargetId, job.ExceptUserId, after, ids[^1],
                job.Kind, job.Message, job.Link, job.AssistantId, new EmailMessage(To: "", job.EmailSubject, job.EmailText, job.EmailHtml),
                clock.GetUtcNow().UtcDateTime, cancellationToken);
        }
        var done = ids.Count < chunkSize;
        if (done)
        {
            await DeleteJobAsync(db, jobId, cancellationToken);
        }
        else
        {
            var last = ids[^1];
            await db.MemberFanOuts.Where(j => j.Id == jobId)
                .ExecuteUpdateAsync(u => u.SetProperty(j => j.After, last), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);

        notificationEvents.Publish(ids);
        if (mails > 0)
        {
            outboxSignal.Notify();
        }
        return (ids.Count, done);
    }

    private static Task DeleteJobAsync(ApplicationDbContext db, long jobId, CancellationToken cancellationToken) =>
        db.MemberFanOuts.Where(j => j.Id == jobId).ExecuteDeleteAsync(cancellationToken);

    [LoggerMessage(Level = LogLevel.Error, Message = "Expanding a member fan-out failed; trying again later")]
    private partial void LogRoundFailed(Exception exception);
}

/// <summary>
/// The fan-out's statements, shared by the inline path (<see cref="SharingMessages.NotifyMembersAsync"/>) and the
/// worker's chunks: the members of a team or organization in user-id order, and one notification plus, for members
/// with an address, one outbox mail for each member in the id range (after, last]. Identifiers come from this code,
/// never from input; every value is a parameter (portable SQL).
/// </summary>
internal static class MemberFanOutSql
{
    private static (string Members, string TargetColumn) Source(ShareTargetKind kind) =>
        kind == ShareTargetKind.Team ? ("TeamMembers", "TeamId") : ("OrganizationMembers", "OrganizationId");

    /// <summary>At most <paramref name="count"/> member ids after <paramref name="after"/>, in order, leaving out <paramref name="exceptUserId"/>.</summary>
    public static Task<List<string>> NextMembersAsync(ApplicationDbContext db, ShareTargetKind kind, int targetId, string exceptUserId,
        string after, int count, CancellationToken cancellationToken)
    {
        var (members, targetColumn) = Source(kind);
        var sql = $$"""
            SELECT m."UserId" AS "Value" FROM "{{members}}" AS m
            WHERE m."{{targetColumn}}" = {0} AND m."UserId" <> {1} AND m."UserId" > {2}
            ORDER BY m."UserId" LIMIT {3}
            """;
        return db.Database.SqlQueryRaw<string>(sql, targetId, exceptUserId, after, count).ToListAsync(cancellationToken);
    }

    /// <summary>Writes the notifications and mails of the members in (<paramref name="after"/>, <paramref name="last"/>]; returns the mails written.</summary>
    public static async Task<int> TellAsync(ApplicationDbContext db, ShareTargetKind kind, int targetId, string exceptUserId,
        string after, string last, NotificationKind notificationKind, string message, string link, int assistantId, EmailMessage email,
        DateTime now, CancellationToken cancellationToken)
    {
        var (members, targetColumn) = Source(kind);
        var insertNotifications = $$"""
            INSERT INTO "Notifications" ("UserId", "Kind", "Message", "Link", "AssistantId", "CreatedAt")
            SELECT m."UserId", {0}, {1}, {2}, {3}, {4}
            FROM "{{members}}" AS m
            WHERE m."{{targetColumn}}" = {5} AND m."UserId" <> {6} AND m."UserId" > {7} AND m."UserId" <= {8}
            """;
        var insertMails = $$"""
            INSERT INTO "OutboxMessages" ("To", "Subject", "TextBody", "HtmlBody", "CreatedAt", "Status", "Attempts")
            SELECT u."Email", {0}, {1}, {2}, {3}, {4}, 0
            FROM "{{members}}" AS m
            INNER JOIN "AspNetUsers" AS u ON u."Id" = m."UserId"
            WHERE m."{{targetColumn}}" = {5} AND m."UserId" <> {6} AND m."UserId" > {7} AND m."UserId" <= {8}
                AND u."Email" IS NOT NULL AND TRIM(u."Email") <> ''
            """;
        await db.Database.ExecuteSqlRawAsync(insertNotifications,
            [(int)notificationKind, message, link, assistantId, now, targetId, exceptUserId, after, last], cancellationToken);
        return await db.Database.ExecuteSqlRawAsync(insertMails,
            [email.Subject, email.TextBody, email.HtmlBody, now, (int)OutboxStatus.Waiting, targetId, exceptUserId, after, last], cancellationToken);
    }
}
