using AssistantPortal.Data;

namespace AssistantPortal.Features.Notifications;

/// <summary>
/// Creates in-app notifications (SPEC §6). They are added to the caller's context and saved with the
/// change that caused them; call <see cref="INotificationEvents.Publish"/> after saving so open tabs update.
/// </summary>
public interface INotifier
{
    void Notify(ApplicationDbContext db, string userId, NotificationKind kind, string message, string? link = null, int? assistantId = null);
}

/// <summary>
/// In-process signal that something changed for some users: their notifications, or their access
/// to an assistant. Open tabs subscribe and refresh.
/// </summary>
public interface INotificationEvents
{
    /// <summary>Tell open tabs of these users that their notifications changed.</summary>
    void Publish(IEnumerable<string> userIds);

    /// <summary>Raised with the user ids whose notifications changed.</summary>
    event Action<IReadOnlyCollection<string>>? Changed;
}

/// <inheritdoc />
public sealed class Notifier(TimeProvider clock) : INotifier
{
    public void Notify(ApplicationDbContext db, string userId, NotificationKind kind, string message, string? link = null, int? assistantId = null)
    {
        db.Notifications.Add(new Notification
        {
            UserId = userId,
            Kind = kind,
            Message = message,
            Link = link,
            AssistantId = assistantId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        });
    }
}

/// <inheritdoc />
public sealed class NotificationEvents : INotificationEvents
{
    public event Action<IReadOnlyCollection<string>>? Changed;

    public void Publish(IEnumerable<string> userIds)
    {
        var ids = userIds.Distinct().ToArray();
        if (ids.Length > 0)
        {
            Changed?.Invoke(ids);
        }
    }
}
