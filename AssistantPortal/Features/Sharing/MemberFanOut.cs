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
        var (selectIds, insertNotifications, insertMails) = FanOutSql(job.TargetKind);
        var ids = await db.Database.SqlQueryRaw<string>(selectIds, job.TargetId, job.ExceptUserId, after, chunkSize).ToListAsync(cancellationToken);

        var mails = 0;
        if (ids.Count > 0)
        {
            var last = ids[^1];
            var now = clock.GetUtcNow().UtcDateTime;
            await db.Database.ExecuteSqlRawAsync(insertNotifications,
                [(int)job.Kind, job.Message, job.Link, job.AssistantId, now, job.TargetId, job.ExceptUserId, after, last], cancellationToken);
            mails = await db.Database.ExecuteSqlRawAsync(insertMails,
                [job.EmailSubject, job.EmailText, job.EmailHtml, now, (int)OutboxStatus.Waiting, job.TargetId, job.ExceptUserId, after, last], cancellationToken);
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

    /// <summary>
    /// The chunk's statements for a team or an organization: the next member ids after {2} (at most {3}), then the
    /// notifications and the mails of the members in (after, last]. Identifiers come from this code, never from
    /// input; every value is a parameter.
    /// </summary>
    private static (string SelectIds, string InsertNotifications, string InsertMails) FanOutSql(ShareTargetKind kind)
    {
        var (members, targetColumn) = kind == ShareTargetKind.Team ? ("TeamMembers", "TeamId") : ("OrganizationMembers", "OrganizationId");
        var selectIds = $$"""
            SELECT m."UserId" AS "Value" FROM "{{members}}" AS m
            WHERE m."{{targetColumn}}" = {0} AND m."UserId" <> {1} AND m."UserId" > {2}
            ORDER BY m."UserId" LIMIT {3}
            """;
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
        return (selectIds, insertNotifications, insertMails);
    }

    private static Task DeleteJobAsync(ApplicationDbContext db, long jobId, CancellationToken cancellationToken) =>
        db.MemberFanOuts.Where(j => j.Id == jobId).ExecuteDeleteAsync(cancellationToken);

    [LoggerMessage(Level = LogLevel.Error, Message = "Expanding a member fan-out failed; trying again later")]
    private partial void LogRoundFailed(Exception exception);
}
