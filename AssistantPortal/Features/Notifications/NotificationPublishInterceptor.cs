using AssistantPortal.Data;
using AssistantPortal.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Notifications;

/// <summary>
/// Publishes <see cref="INotificationEvents"/> for the recipients of new notifications once they are committed,
/// so open tabs (the app-bar badge) update even where a feature forgets to publish. Publishing twice is harmless:
/// a tab just counts again.
/// </summary>
public sealed class NotificationPublishInterceptor(INotificationEvents events) : AfterCommitInterceptor<HashSet<string>>
{
    protected override HashSet<string>? Collect(DbContext context, HashSet<string>? pending)
    {
        var recipients = context.ChangeTracker.Entries<Notification>()
            .Where(e => e.State == EntityState.Added)
            .Select(e => e.Entity.UserId)
            .ToList();
        if (recipients.Count == 0)
        {
            return pending;
        }
        var state = pending ?? [];
        state.UnionWith(recipients);
        return state;
    }

    protected override void Committed(HashSet<string> state) => events.Publish(state);
}
