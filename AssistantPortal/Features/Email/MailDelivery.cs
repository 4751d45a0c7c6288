using MimeKit;

namespace AssistantPortal.Features.Email;

/// <summary>
/// Where mail goes: an SMTP server (<see cref="SmtpMailDelivery"/>) or .eml files (<see cref="FileMailDelivery"/>).
/// The sender opens one session per round and sends a batch of messages through it.
/// </summary>
public interface IMailDelivery
{
    /// <summary>Opens a session (connects and signs in).</summary>
    /// <exception cref="MailServerUnavailableException">The server cannot be reached or refuses the session.</exception>
    Task<IMailSession> OpenAsync(CancellationToken cancellationToken);
}

/// <summary>One connection to where mail goes.</summary>
public interface IMailSession : IAsyncDisposable
{
    /// <summary>Delivers one message of the outbox.</summary>
    /// <exception cref="MailRefusedException">The server refused this message (for example an unknown recipient).</exception>
    /// <exception cref="MailServerUnavailableException">The connection failed: nothing is known about the message.</exception>
    Task SendAsync(long outboxId, MimeMessage message, CancellationToken cancellationToken);
}

/// <summary>
/// The server could not be reached, dropped the connection, or is not accepting mail at all (SMTP 421, failed
/// sign-in). Mail waits for it and never dies of this (SPEC §6: nothing is lost when the server is down).
/// </summary>
public sealed class MailServerUnavailableException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// The server answered about this one message and refused it: a permanent (5xx) or temporary (4xx) reply to
/// the sender, recipient or content. Such a failure counts toward <see cref="EmailOptions.MaxAttempts"/>.
/// </summary>
public sealed class MailRefusedException(string message, bool permanent, Exception? inner = null) : Exception(message, inner)
{
    public bool Permanent { get; } = permanent;
}
