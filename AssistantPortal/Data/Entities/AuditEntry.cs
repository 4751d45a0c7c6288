namespace AssistantPortal.Data;

/// <summary>
/// One change of access (SPEC §9). Deliberately holds no foreign keys: the record must outlive the
/// assistant, user or team it mentions, so names are copied in.
/// </summary>
public class AuditEntry
{
    public long Id { get; set; }

    public DateTime At { get; set; }

    public AuditAction Action { get; set; }

    public string? ActorUserId { get; set; }

    /// <summary>The actor's user name at the time (or "API key …", "system").</summary>
    public string ActorName { get; set; } = "";

    public int? AssistantId { get; set; }

    public string? AssistantName { get; set; }

    /// <summary>Who or what the change was about: a user name, team, organization, key name.</summary>
    public string? Target { get; set; }

    /// <summary>Human-readable details, e.g. "Read only → Read and write".</summary>
    public string Details { get; set; } = "";
}
