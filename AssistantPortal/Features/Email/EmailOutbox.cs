using AssistantPortal.Data;

namespace AssistantPortal.Features.Email;

/// <summary>An email to send: plain-text and HTML bodies of the same message.</summary>
public sealed record EmailMessage(string To, string Subject, string TextBody, string HtmlBody);

/// <summary>
/// Puts mail in the outbox (SPEC §6). Messages are added to the caller's context, so they are written
/// in the same transaction as the change that caused them; a background sender delivers them.
/// </summary>
public interface IEmailOutbox
{
    void Enqueue(ApplicationDbContext db, EmailMessage message);
}

/// <inheritdoc />
public sealed class EmailOutbox(TimeProvider clock) : IEmailOutbox
{
    public void Enqueue(ApplicationDbContext db, EmailMessage message)
    {
        db.OutboxMessages.Add(new OutboxMessage
        {
            To = message.To,
            Subject = message.Subject,
            TextBody = message.TextBody,
            HtmlBody = message.HtmlBody,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
            Status = OutboxStatus.Waiting,
        });
    }
}
