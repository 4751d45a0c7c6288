using AssistantPortal.Features.Access;
using AssistantPortal.Features.Admin.Users;
using AssistantPortal.Features.Notifications;
using AssistantPortal.Infrastructure.ClusterEvents;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AssistantPortal.Tests.Infrastructure.ClusterEvents;

/// <summary>The single-instance default (SQLite): events are raised locally, exactly once, and go nowhere else.</summary>
public sealed class NoClusterEventCarrierTests
{
    [Fact]
    public void App_OnItsSqliteDefault_HasNoRelay_AndRaisesEachEventLocallyOnce()
    {
        // The app on its default, whatever database the rest of the suite runs on.
        using var factory = new AppFactory { Settings = { ["Database:Provider"] = "Sqlite", ["ConnectionStrings:DefaultConnection"] = "" } };
        var services = factory.Services;

        Assert.IsType<NoClusterEventCarrier>(services.GetRequiredService<IClusterEventCarrier>());
        Assert.DoesNotContain(services.GetServices<IHostedService>(), s => s is PostgreSqlEventRelay);
        AssertRaisedLocallyOnce(services);
    }

    [Fact]
    public async Task FeatureRegistrations_WithoutARelay_RaiseEachEventLocallyOnce()
    {
        var services = new ServiceCollection().AddLogging().AddAccess().AddNotifications().AddUserAdministration();
        await using var provider = services.BuildServiceProvider();

        Assert.IsType<NoClusterEventCarrier>(provider.GetRequiredService<IClusterEventCarrier>());
        AssertRaisedLocallyOnce(provider);
    }

    [Fact]
    public async Task AddPostgreSqlEventRelay_AfterTheFeatures_ReplacesTheNoOpCarrier()
    {
        var services = new ServiceCollection().AddLogging().AddAccess().AddNotifications().AddUserAdministration()
            .AddPostgreSqlEventRelay(TestPostgres.ConnectionString());
        await using var provider = services.BuildServiceProvider();

        var relay = Assert.IsType<PostgreSqlEventRelay>(provider.GetRequiredService<IClusterEventCarrier>());
        Assert.Same(relay, Assert.Single(provider.GetServices<IHostedService>()));
        Assert.Single(provider.GetServices<IClusterEventCarrier>());
    }

    [Fact]
    public void AddPostgreSqlEventRelay_WithAChannelThatIsNotAPlainIdentifier_Throws()
    {
        var services = new ServiceCollection();

        var error = Assert.Throws<ArgumentException>(() =>
            services.AddPostgreSqlEventRelay(TestPostgres.ConnectionString(), o => o.Channel = "events; DROP TABLE x"));

        Assert.Contains("channel", error.Message);
    }

    private static void AssertRaisedLocallyOnce(IServiceProvider services)
    {
        var access = new List<int?>();
        var sessions = new List<string>();
        var notifications = new List<IReadOnlyCollection<string>>();
        services.GetRequiredService<IAccessChangeEvents>().Changed += access.Add;
        services.GetRequiredService<IUserSessionEvents>().UserChanged += sessions.Add;
        services.GetRequiredService<INotificationEvents>().Changed += notifications.Add;

        services.GetRequiredService<IAccessChangeEvents>().PublishAssistant(3);
        services.GetRequiredService<IAccessChangeEvents>().PublishAll();
        services.GetRequiredService<IUserSessionEvents>().PublishUserChanged("user-1");
        services.GetRequiredService<INotificationEvents>().Publish(["user-1", "user-2"]);

        // Raised synchronously by the publisher, so there is nothing to wait for.
        Assert.Equal([3, null], access);
        Assert.Equal(["user-1"], sessions);
        Assert.Equal(["user-1", "user-2"], Assert.Single(notifications));
    }
}
