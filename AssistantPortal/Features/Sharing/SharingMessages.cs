using AssistantPortal.Data;
using AssistantPortal.Features.Email;
using AssistantPortal.Features.Notifications;
using AssistantPortal.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AssistantPortal.Features.Sharing;

/// <summary>
/// Writes the notifications and emails of SPEC §6 into the caller's context, to be saved with the change
/// that caused them. One recipient goes through <see cref="INotifier"/> and <see cref="IEmailOutbox"/>; a few
/// (the approvers of a request) are added with AddRange. The fan-out to every member of a team or organization
/// (<see cref="NotifyMembersAsync"/>) is set-based instead: two <c>INSERT … SELECT</c> statements in the caller's
/// transaction, so sharing with an organization of 10,000 members builds no entities and tracks nothing.
/// </summary>
public sealed class SharingMessages(TimeProvider clock, IOptions<PortalOptions> options, INotifier notifier, IEmailOutbox outbox,
    OutboxSignalInterceptor outboxSignal, IOptions<SharingOptions> sharingOptions)
{
    /// <summary>The app-relative address of an assistant's page.</summary>
    public static string AssistantLink(int assistantId) => $"assistants/{assistantId}";

    public const string InboxLink = "inbox";

    /// <summary>An app-relative link made absolute for email.</summary>
    public string Absolute(string relative) => EmailTemplates.Absolute(options.Value.PublicBaseUrl, relative);

    /// <summary>Tells one person: a notification and, if they have an address, an email.</summary>
    public void Notify(ApplicationDbContext db, Recipient to, NotificationKind kind, string message, string link, int assistantId,
        Func<string, EmailMessage> email)
    {
        notifier.Notify(db, to.UserId, kind, message, link, assistantId);
        if (!string.IsNullOrWhiteSpace(to.Email))
        {
            outbox.Enqueue(db, email(to.Email));
        }
    }

    /// <summary>Tells many people the same thing, in bulk. The email is rendered once and addressed to each.</summary>
    public void NotifyAll(ApplicationDbContext db, IReadOnlyCollection<Recipient> to, NotificationKind kind, string message, string link,
        int assistantId, Func<string, EmailMessage> email)
    {
        if (to.Count == 0)
        {
            return;
        }
        if (to.Count == 1)
        {
            Notify(db, to.First(), kind, message, link, assistantId, email);
            return;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        var template = email("");
        db.Notifications.AddRange(to.Select(r => new Notification
        {
            UserId = r.UserId, Kind = kind, Message = message, Link = link, AssistantId = assistantId, CreatedAt = now,
        }));
        db.OutboxMessages.AddRange(to.Where(r => !string.IsNullOrWhiteSpace(r.Email)).Select(r => new OutboxMessage
        {
            To = r.Email!, Subject = template.Subject, TextBody = template.TextBody, HtmlBody = template.HtmlBody,
            CreatedAt = now, Status = OutboxStatus.Waiting,
        }));
    }

    /// <summary>
    /// Tells every member of <paramref name="target"/> except <paramref name="exceptUserId"/> the same thing — a
    /// notification each and, to each member with an address, <paramref name="email"/> addressed to them — with two
    /// <c>INSERT … SELECT</c> statements (portable SQL, values as parameters) run in the context's current
    /// transaction, which the caller commits together with the change that caused them. The mail sender is woken
    /// at that commit (<see cref="OutboxSignalInterceptor.MailWritten"/>): SaveChanges never sees these rows.
    /// Returns the members told, for <see cref="INotificationEvents.Publish"/> after the commit.
    /// A target of more than <see cref="SharingOptions.InlineFanOutLimit"/> members gets one fan-out job row instead,
    /// added to the context (so saved in the same transaction), which <see cref="MemberFanOutWorker"/> expands into the
    /// same rows right after the commit; then nobody is returned (the worker publishes as it goes).
    /// </summary>
    /// <remarks>
    /// Decision: an address counts when it is not NULL and not empty after <c>TRIM</c> (the in-memory path used
    /// <see cref="string.IsNullOrWhiteSpace"/>; Identity never stores an address of only whitespace).
    /// </remarks>
    /// <exception cref="InvalidOperationException">No transaction is open on <paramref name="db"/>: the rows would be
    /// committed before, and independently of, the change.</exception>
    public async Task<IReadOnlyList<string>> NotifyMembersAsync(ApplicationDbContext db, ShareTarget target, string exceptUserId,
        NotificationKind kind, string message, string link, int assistantId, EmailMessage email, CancellationToken cancellationToken = default)
    {
        if (db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("The member fan-out must run in the transaction of the change that causes it.");
        }
        var limit = Math.Max(0, sharingOptions.Value.InlineFanOutLimit);
        var told = await MemberFanOutSql.NextMembersAsync(db, target.Kind, target.Id, exceptUserId, after: "", limit + 1, cancellationToken);
        if (told.Count == 0)
        {
            return told;
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (told.Count > limit)
        {
            // A large team or organization: one job row in this transaction; the worker tells the members just after.
            db.MemberFanOuts.Add(new MemberFanOut
            {
                TargetKind = target.Kind, TargetId = target.Id, ExceptUserId = exceptUserId,
                Kind = kind, Message = message, Link = link, AssistantId = assistantId,
                EmailSubject = email.Subject, EmailText = email.TextBody, EmailHtml = email.HtmlBody,
                CreatedAt = now,
            });
            return [];
        }
        // Every member is in told (at most the limit): one range from the first id to the last.
        var mails = await MemberFanOutSql.TellAsync(db, target.Kind, target.Id, exceptUserId, after: "", last: told[^1],
            kind, message, link, assistantId, email, now, cancellationToken);
        if (mails > 0)
        {
            outboxSignal.MailWritten(db);
        }
        return told;
    }
}
