namespace AssistantPortal.Data;

/// <summary>
/// A request to share an assistant with a team or organization (or to raise such a share) that waits
/// for an approver (SPEC §4.2, §4.3, §7). It grants nothing until approved.
/// </summary>
public class ShareRequest
{
    public int Id { get; set; }

    public int AssistantId { get; set; }
    public Assistant Assistant { get; set; } = null!;

    public ShareTargetKind TargetKind { get; set; }

    /// <summary>Set when <see cref="TargetKind"/> is Team.</summary>
    public int? TeamId { get; set; }
    public Team? Team { get; set; }

    /// <summary>Set when <see cref="TargetKind"/> is Organization.</summary>
    public int? OrganizationId { get; set; }
    public Organization? Organization { get; set; }

    /// <summary>The level the requester asks for: Use only, Read only or Read and write.</summary>
    public AccessLevel RequestedLevel { get; set; }

    public string RequestedByUserId { get; set; } = "";
    public ApplicationUser RequestedBy { get; set; } = null!;

    public DateTime RequestedAt { get; set; }

    /// <summary>Changes from Pending exactly once, by a conditional update, so two deciders get one outcome.</summary>
    public ShareRequestStatus Status { get; set; }

    public string? DecidedByUserId { get; set; }
    public ApplicationUser? DecidedBy { get; set; }

    public DateTime? DecidedAt { get; set; }
}
