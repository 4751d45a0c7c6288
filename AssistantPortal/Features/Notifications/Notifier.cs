using AssistantPortal.Data;
using AssistantPortal.Infrastructure.ClusterEvents;

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
/// to an assistant. Open tabs subscribe and refresh. With several instances, <see cref="IClusterEventCarrier"/>
/// carries each change to the others (a long list of users in several parts).
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

/// <summary>
/// Raises <see cref="Changed"/> for this instance's subscribers and hands each change to the
/// <see cref="IClusterEventCarrier"/>; changes published on other instances are raised here only, never sent on.
/// </summary>
public sealed class NotificationEvents : INotificationEvents
{
    private readonly IClusterEventCarrier _carrier;

    /// <summary>A single instance, with nobody else to tell.</summary>
    public NotificationEvents() : this(NoClusterEventCarrier.Instance)
    {
    }

    public NotificationEvents(IClusterEventCarrier carrier)
    {
        _carrier = carrier;
        _carrier.Received += OnReceived;
    }

    public event Action<IReadOnlyCollection<string>>? Changed;

    public void Publish(IEnumerable<string> userIds)
    {
        var ids = userIds.Distinct().ToArray();
        if (ids.Length > 0)
        {
            _carrier.Send(new ClusterEvent(ClusterEventKind.NotificationsChanged, ids));
            Changed?.Invoke(ids);
        }
    }

    private void OnReceived(ClusterEvent clusterEvent)
    {
        if (clusterEvent.Kind == ClusterEventKind.NotificationsChanged)
        {
            Changed?.Invoke([.. clusterEvent.Ids]);
        }
    }
}
