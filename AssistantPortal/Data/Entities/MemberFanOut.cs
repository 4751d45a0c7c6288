namespace AssistantPortal.Data;

/// <summary>
/// A job "tell every member of a team or organization", written in the transaction of the share that causes it
/// when the group is too large to tell inside the request (SPEC §6: the share returns at once, the mail follows).
/// The fan-out worker turns it, a chunk of members at a time, into one notification and one outbox mail per member,
/// recording in <see cref="After"/> the last member (by user id) already told, and deletes it with its last chunk.
/// </summary>
public class MemberFanOut
{
    public long Id { get; set; }

    public ShareTargetKind TargetKind { get; set; }

    /// <summary>The team's or organization's id (no foreign key: a job outlives neither, see the worker).</summary>
    public int TargetId { get; set; }

    /// <summary>The person whose action caused it, who is not told.</summary>
    public string ExceptUserId { get; set; } = "";

    public NotificationKind Kind { get; set; }

    public string Message { get; set; } = "";

    public string Link { get; set; } = "";

    public int AssistantId { get; set; }

    public Assistant? Assistant { get; set; }

    public string EmailSubject { get; set; } = "";

    public string EmailText { get; set; } = "";

    public string EmailHtml { get; set; } = "";

    /// <summary>Members up to this user id (ordinal) have been told; null before the first chunk.</summary>
    public string? After { get; set; }

    public DateTime CreatedAt { get; set; }
}
