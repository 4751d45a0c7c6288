namespace AssistantPortal.Data;

/// <summary>
/// An email waiting to be sent, written in the same transaction as the change that caused it
/// (SPEC §6). A background sender delivers it with retries and back-off.
/// </summary>
public class OutboxMessage
{
    public long Id { get; set; }

    public string To { get; set; } = "";

    public string Subject { get; set; } = "";

    public string TextBody { get; set; } = "";

    public string HtmlBody { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public OutboxStatus Status { get; set; }

    public int Attempts { get; set; }

    /// <summary>When the sender may try again (back-off); null means now.</summary>
    public DateTime? NextAttemptAt { get; set; }

    public string? LastError { get; set; }

    public DateTime? SentAt { get; set; }
}
