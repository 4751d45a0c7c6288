namespace AssistantPortal.Data;

/// <summary>An in-app notification for one person (SPEC §6).</summary>
public class Notification
{
    public int Id { get; set; }

    public string UserId { get; set; } = "";
    public ApplicationUser User { get; set; } = null!;

    public NotificationKind Kind { get; set; }

    /// <summary>Plain text; always rendered escaped.</summary>
    public string Message { get; set; } = "";

    /// <summary>Relative address the notification leads to, if any.</summary>
    public string? Link { get; set; }

    /// <summary>The assistant it concerns; the notification goes when the assistant does.</summary>
    public int? AssistantId { get; set; }
    public Assistant? Assistant { get; set; }

    public DateTime CreatedAt { get; set; }

    public DateTime? ReadAt { get; set; }
}
