namespace AssistantPortal.Features.Notifications;

public static class NotificationsServiceCollectionExtensions
{
    public static IServiceCollection AddNotifications(this IServiceCollection services)
    {
        services.AddSingleton<INotifier, Notifier>();
        services.AddSingleton<INotificationEvents, NotificationEvents>();
        return services;
    }
}
