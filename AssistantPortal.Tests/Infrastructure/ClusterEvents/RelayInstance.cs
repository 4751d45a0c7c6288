using AssistantPortal.Features.Access;
using AssistantPortal.Features.Admin.Users;
using AssistantPortal.Features.Notifications;
using AssistantPortal.Infrastructure.ClusterEvents;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AssistantPortal.Tests.Infrastructure.ClusterEvents;

/// <summary>
/// One app instance as far as live updates go: the app's own registrations of the three event classes and of the
/// PostgreSQL relay (in the order the app makes them: the database first), on a channel of the test's own. It
/// records what its local subscribers see.
/// </summary>
internal sealed class RelayInstance : IAsyncDisposable
{
    private readonly ServiceProvider _provider;
    private readonly List<IHostedService> _hosted;

    private RelayInstance(ServiceProvider provider)
    {
        _provider = provider;
        _hosted = [.. provider.GetServices<IHostedService>()];
        Relay = provider.GetRequiredService<PostgreSqlEventRelay>();
        Access = provider.GetRequiredService<IAccessChangeEvents>();
        Sessions = provider.GetRequiredService<IUserSessionEvents>();
        Notifications = provider.GetRequiredService<INotificationEvents>();
        Access.Changed += id => Record(AccessSeen, id);
        Sessions.UserChanged += id => Record(SessionsSeen, id);
        Notifications.Changed += ids => Record(NotificationsSeen, ids);
    }

    public PostgreSqlEventRelay Relay { get; }

    public IAccessChangeEvents Access { get; }

    public IUserSessionEvents Sessions { get; }

    public INotificationEvents Notifications { get; }

    /// <summary>Each raise of <see cref="IAccessChangeEvents.Changed"/>, in order.</summary>
    public List<int?> AccessSeen { get; } = [];

    public List<string> SessionsSeen { get; } = [];

    /// <summary>Each raise of <see cref="INotificationEvents.Changed"/> (one per message from another instance).</summary>
    public List<IReadOnlyCollection<string>> NotificationsSeen { get; } = [];

    public string ListenerName { get; private init; } = "";

    /// <summary>Starts an instance and waits until it listens.</summary>
    public static async Task<RelayInstance> StartAsync(string channel)
    {
        var listenerName = "ap-relay-test-" + Guid.NewGuid().ToString("N");
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddPostgreSqlEventRelay(TestPostgres.ConnectionString(), o =>
        {
            o.Channel = channel;
            o.ListenerApplicationName = listenerName;
            o.ReconnectDelay = TimeSpan.FromMilliseconds(50);
        });
        services.AddAccess();
        services.AddNotifications();
        services.AddUserAdministration();
        var instance = new RelayInstance(services.BuildServiceProvider()) { ListenerName = listenerName };
        foreach (var hosted in instance._hosted)
        {
            await hosted.StartAsync(CancellationToken.None);
        }
        await Eventually.UntilAsync(() => instance.Relay.IsListening, "the instance listens");
        return instance;
    }

    /// <summary>A thread-safe copy of what a subscriber saw (the relay raises on its listener's thread).</summary>
    public static List<T> Snapshot<T>(List<T> seen)
    {
        lock (seen)
        {
            return [.. seen];
        }
    }

    private static void Record<T>(List<T> seen, T value)
    {
        lock (seen)
        {
            seen.Add(value);
        }
    }

    public async ValueTask DisposeAsync()
    {
        foreach (var hosted in _hosted)
        {
            await hosted.StopAsync(CancellationToken.None);
        }
        await _provider.DisposeAsync();
    }
}
