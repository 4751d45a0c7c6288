using AssistantPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AssistantPortal.Features.Email;

/// <summary>
/// Delivers the outbox (SPEC §6). Each round claims a batch of due <see cref="OutboxStatus.Waiting"/> messages,
/// opens one session and sends them, then records each outcome.
/// <list type="bullet">
/// <item>A <b>claim</b> is a conditional update that moves the message's <see cref="OutboxMessage.NextAttemptAt"/> to the
/// end of <see cref="EmailOptions.ClaimDuration"/>; it succeeds for exactly one sender, so two senders (threads or app
/// instances on one database) never send the same message at the same time.</item>
/// <item>Delivery is <b>at-least-once</b>: if a sender dies between sending and recording, the claim runs out and
/// the message is sent again. Every try carries the same Message-ID so a receiver can drop the repeat.</item>
/// <item>A <b>refusal</b> of the message (an SMTP reply about its sender, recipient or content) counts toward
/// <see cref="EmailOptions.MaxAttempts"/>; then the message is <see cref="OutboxStatus.Dead"/> until an admin resends it.</item>
/// <item>A <b>connection failure</b> (server down, dropped connection, failed sign-in) never kills mail: the claimed
/// messages count the try and wait, and the sender backs off as a whole until the server answers again.</item>
/// </list>
/// </summary>
public sealed partial class OutboxSender(
    IDbContextFactory<ApplicationDbContext> dbFactory,
    IMailDelivery delivery,
    OutboxSignal signal,
    IOptions<EmailOptions> options,
    TimeProvider clock,
    ILogger<OutboxSender> logger) : BackgroundService
{
    private const int MaxErrorLength = 1_000;
    private int _unavailableRounds;

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        while (!stoppingToken.IsCancellationRequested)
        {
            TimeSpan wait;
            try
            {
                wait = await SendDueAsync(stoppingToken);
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                // The database itself failed (locked, gone): look again later; nothing was lost.
                LogRoundFailed(ex);
                wait = options.Value.PollInterval;
            }
            try
            {
                await signal.WaitAsync(wait, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
        }
    }

    /// <summary>Sends everything that is due; returns how long to wait before looking again.</summary>
    internal async Task<TimeSpan> SendDueAsync(CancellationToken cancellationToken)
    {
        var settings = options.Value;
        while (true)
        {
            var batch = await ClaimAsync(settings, cancellationToken);
            if (batch.Count == 0)
            {
                return await UntilNextDueAsync(settings, cancellationToken);
            }
            if (!await SendBatchAsync(batch, settings, cancellationToken))
            {
                // The server is down: wait for it as a whole instead of failing every message in turn.
                return ServerBackOff(settings);
            }
            _unavailableRounds = 0;
        }
    }

    private async Task<List<OutboxMessage>> ClaimAsync(EmailOptions settings, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = Now();
        var candidates = await Due(db.OutboxMessages, now)
            .OrderBy(m => m.Id)
            .Select(m => m.Id)
            .Take(settings.BatchSize)
            .ToListAsync(cancellationToken);

        var claimedUntil = now + settings.ClaimDuration;
        var claimed = new List<long>(candidates.Count);
        foreach (var id in candidates)
        {
            // Only one sender's update finds the message still due: that sender owns it until claimedUntil.
            var rows = await Due(db.OutboxMessages.Where(m => m.Id == id), now)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.NextAttemptAt, claimedUntil), cancellationToken);
            if (rows == 1)
            {
                claimed.Add(id);
            }
        }
        return claimed.Count == 0
            ? []
            : await db.OutboxMessages.AsNoTracking().Where(m => claimed.Contains(m.Id)).OrderBy(m => m.Id).ToListAsync(cancellationToken);
    }

    /// <returns>False when the server could not be reached; the messages not yet sent were put back to wait.</returns>
    private async Task<bool> SendBatchAsync(List<OutboxMessage> batch, EmailOptions settings, CancellationToken cancellationToken)
    {
        IMailSession session;
        try
        {
            session = await delivery.OpenAsync(cancellationToken);
        }
        catch (MailServerUnavailableException ex)
        {
            await ServerUnavailableAsync(batch, ex, settings);
            return false;
        }

        await using (session)
        {
            for (var i = 0; i < batch.Count; i++)
            {
                var message = batch[i];
                if (cancellationToken.IsCancellationRequested)
                {
                    // Shutting down: hand the rest back at once instead of leaving them claimed until the claim runs out.
                    await ReleaseAsync(batch.GetRange(i, batch.Count - i));
                    cancellationToken.ThrowIfCancellationRequested();
                }
                try
                {
                    await session.SendAsync(message.Id, OutboxMimeMessage.Create(message, settings.From), cancellationToken);
                    await RecordAsync(message.Id, m => m
                        .SetProperty(x => x.Status, OutboxStatus.Sent)
                        .SetProperty(x => x.SentAt, Now())
                        .SetProperty(x => x.Attempts, message.Attempts + 1)
                        .SetProperty(x => x.NextAttemptAt, (DateTime?)null)
                        .SetProperty(x => x.LastError, (string?)null));
                }
                catch (MailRefusedException ex)
                {
                    var attempts = message.Attempts + 1;
                    var dead = attempts >= settings.MaxAttempts;
                    LogRefused(message.Id, attempts, dead, ex.Message);
                    await RecordAsync(message.Id, m => m
                        .SetProperty(x => x.Status, dead ? OutboxStatus.Dead : OutboxStatus.Waiting)
                        .SetProperty(x => x.Attempts, attempts)
                        .SetProperty(x => x.NextAttemptAt, dead ? null : Now() + settings.BackOff(attempts))
                        .SetProperty(x => x.LastError, Truncate(ex.Message)));
                }
                catch (MailServerUnavailableException ex)
                {
                    await ServerUnavailableAsync(batch.GetRange(i, batch.Count - i), ex, settings);
                    return false;
                }
            }
        }
        return true;
    }

    private async Task ReleaseAsync(List<OutboxMessage> messages)
    {
        foreach (var message in messages)
        {
            await RecordAsync(message.Id, m => m.SetProperty(x => x.NextAttemptAt, (DateTime?)null));
        }
    }

    private async Task ServerUnavailableAsync(List<OutboxMessage> messages, MailServerUnavailableException ex, EmailOptions settings)
    {
        _unavailableRounds++;
        LogUnavailable(messages.Count, _unavailableRounds, ex.Message);
        var retryAt = Now() + ServerBackOff(settings);
        foreach (var message in messages)
        {
            await RecordAsync(message.Id, m => m
                .SetProperty(x => x.Attempts, message.Attempts + 1)
                .SetProperty(x => x.NextAttemptAt, retryAt)
                .SetProperty(x => x.LastError, Truncate(ex.Message)));
        }
    }

    /// <summary>Records an outcome; always completes (not cancelled by shutdown) so a sent message is not sent again.</summary>
    private async Task RecordAsync(long id,
        Action<Microsoft.EntityFrameworkCore.Query.UpdateSettersBuilder<OutboxMessage>> setters)
    {
        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        // A message an admin resent or another sender finished in the meantime is left as it is.
        await db.OutboxMessages.Where(m => m.Id == id && m.Status == OutboxStatus.Waiting)
            .ExecuteUpdateAsync(setters, CancellationToken.None);
    }

    private async Task<TimeSpan> UntilNextDueAsync(EmailOptions settings, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var next = await db.OutboxMessages.Where(m => m.Status == OutboxStatus.Waiting)
            .MinAsync(m => m.NextAttemptAt, cancellationToken);
        if (next is null)
        {
            return settings.PollInterval;
        }
        var wait = next.Value - Now();
        return wait < TimeSpan.Zero ? TimeSpan.Zero : wait > settings.PollInterval ? settings.PollInterval : wait;
    }

    private TimeSpan ServerBackOff(EmailOptions settings)
    {
        var wait = settings.BackOff(Math.Max(_unavailableRounds, 1));
        return wait > settings.MaxServerBackOff ? settings.MaxServerBackOff : wait;
    }

    private static IQueryable<OutboxMessage> Due(IQueryable<OutboxMessage> messages, DateTime now) =>
        messages.Where(m => m.Status == OutboxStatus.Waiting && (m.NextAttemptAt == null || m.NextAttemptAt <= now));

    private DateTime Now() => clock.GetUtcNow().UtcDateTime;

    private static string Truncate(string error) => error.Length <= MaxErrorLength ? error : error[..MaxErrorLength];

    [LoggerMessage(Level = LogLevel.Error, Message = "Sending the outbox failed; trying again later")]
    private partial void LogRoundFailed(Exception exception);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Outbox message {Id} was refused (try {Attempts}, dead: {Dead}): {Error}")]
    private partial void LogRefused(long id, int attempts, bool dead, string error);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Mail server unavailable; {Count} messages wait (round {Round}): {Error}")]
    private partial void LogUnavailable(int count, int round, string error);
}
