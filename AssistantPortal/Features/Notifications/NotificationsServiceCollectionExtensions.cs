using AssistantPortal.Data;
using AssistantPortal.Infrastructure.ClusterEvents;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Notifications;

public static class NotificationsServiceCollectionExtensions
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddSingleton<INotifier, Notifier>();
        services.AddSingleton<INotificationEvents, NotificationEvents>();
        services.TryAddNoClusterEventCarrier();
        services.AddSingleton<UserNotifications>();
        services.AddSingleton<NotificationPublishInterceptor>();
        // Every context of the app tells open tabs about new notifications once they are committed.
        services.ConfigureDbContext<ApplicationDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<NotificationPublishInterceptor>()));
        return services;
    }
}
