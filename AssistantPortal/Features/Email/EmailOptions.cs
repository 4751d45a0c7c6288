using MailKit.Security;

namespace AssistantPortal.Features.Email;

/// <summary>
/// Outgoing mail, section "Email" of configuration. With no <see cref="SmtpOptions.Host"/> (the out-of-the-box
/// default) mail is written as .eml files under <c>{Portal:DataPath}/mail</c> instead of being sent.
/// </summary>
public sealed class EmailOptions
{
    public const string Section = "Email";

    public SmtpOptions Smtp { get; set; } = new();

    /// <summary>The sender address, e.g. <c>AssistantPortal &lt;portal@example.com&gt;</c>.</summary>
    public string From { get; set; } = "AssistantPortal <no-reply@assistantportal.local>";

    /// <summary>
    /// How many times a message the server refuses (an SMTP reply to the message itself) is tried before it is
    /// marked dead. Failures to reach the server do not count: such mail waits for the server.
    /// </summary>
    public int MaxAttempts { get; set; } = 8;

    /// <summary>The first retry waits this long; each further one twice as long, up to <see cref="MaxBackOff"/>.</summary>
    public TimeSpan BackOffBase { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait between two tries of one message.</summary>
    public TimeSpan MaxBackOff { get; set; } = TimeSpan.FromMinutes(30);

    /// <summary>The longest the sender waits before knocking again on a server that is down; mail goes out at most
    /// this long after the server is back.</summary>
    public TimeSpan MaxServerBackOff { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long a claimed message is reserved for the sender that claimed it. If that sender dies,
    /// another one takes the message over after this time (at-least-once delivery).</summary>
    public TimeSpan ClaimDuration { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>How many due messages one round claims and sends over one connection.</summary>
    public int BatchSize { get; set; } = 50;

    /// <summary>The sender looks at the outbox at least this often, even without a signal (other instances
    /// may have written mail, or a back-off may have ended).</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Whether mail goes to an SMTP server; otherwise it is kept as .eml files.</summary>
    public bool UsesSmtp => !string.IsNullOrWhiteSpace(Smtp.Host);

    /// <summary>The wait before the next try after <paramref name="attempts"/> failed tries.</summary>
    public TimeSpan BackOff(int attempts)
    {
        var exponent = Math.Clamp(attempts - 1, 0, 30);
        var ticks = BackOffBase.Ticks * Math.Pow(2, exponent);
        return ticks >= MaxBackOff.Ticks ? MaxBackOff : TimeSpan.FromTicks((long)ticks);
    }
}

/// <summary>The SMTP server mail is sent through.</summary>
public sealed class SmtpOptions
{
    /// <summary>Empty: no server; mail is written as .eml files.</summary>
    public string? Host { get; set; }

    public int Port { get; set; } = 587;

    /// <summary>Empty: no authentication.</summary>
    public string? UserName { get; set; }

    public string? Password { get; set; }

    /// <summary>
    /// TLS: <c>Auto</c> (TLS on connect for port 465, otherwise STARTTLS when the server offers it),
    /// <c>None</c>, <c>StartTls</c> (required), <c>StartTlsWhenAvailable</c> or <c>SslOnConnect</c>.
    /// </summary>
    public SecureSocketOptions SecureSocket { get; set; } = SecureSocketOptions.Auto;

    /// <summary>How long one connect or command may take.</summary>
    public TimeSpan Timeout { get; set; } = TimeSpan.FromSeconds(30);
}
