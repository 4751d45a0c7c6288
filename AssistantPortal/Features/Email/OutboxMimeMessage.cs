using AssistantPortal.Data;
using MimeKit;

namespace AssistantPortal.Features.Email;

/// <summary>Turns an outbox row into the MIME message that is sent: multipart/alternative, plain text then HTML.</summary>
public static class OutboxMimeMessage
{
    /// <exception cref="MailRefusedException">The sender or recipient address cannot be parsed; it never will be.</exception>
    public static MimeMessage Create(OutboxMessage row, string from)
    {
        if (!MailboxAddress.TryParse(from, out var sender))
        {
            throw new MailRefusedException($"The configured sender address \"{from}\" is not an email address.", permanent: true);
        }
        if (!MailboxAddress.TryParse(row.To, out var recipient))
        {
            throw new MailRefusedException($"\"{row.To}\" is not an email address.", permanent: true);
        }

        var body = new BodyBuilder { TextBody = row.TextBody, HtmlBody = row.HtmlBody };
        var message = new MimeMessage
        {
            Subject = row.Subject,
            Date = new DateTimeOffset(DateTime.SpecifyKind(row.CreatedAt, DateTimeKind.Utc)),
            Body = body.ToMessageBody(),
            // The same id on every try: delivery is at-least-once, and a receiver can drop a repeat by it.
            MessageId = $"outbox-{row.Id}-{row.CreatedAt.Ticks}@{Domain(sender.Address)}",
        };
        message.From.Add(sender);
        message.To.Add(recipient);
        return message;
    }

    private static string Domain(string address)
    {
        var at = address.LastIndexOf('@');
        return at >= 0 && at < address.Length - 1 ? address[(at + 1)..] : "assistantportal.local";
    }
}
