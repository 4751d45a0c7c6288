using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Approvals;
using AssistantPortal.Features.Audit;
using AssistantPortal.Features.Email;
using AssistantPortal.Features.Notifications;
using AssistantPortal.Features.Sharing;
using AssistantPortal.Infrastructure;
using AssistantPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantPortal.Tests.Features.Sharing;

/// <summary>
/// The sharing and approval commands wired as in the app, on a real migrated SQLite file, with the real
/// audit log, outbox, notifier and authorization.
/// </summary>
public abstract class SharingFixture : IAsyncLifetime
{
    protected SharingFixture()
    {
        Database = new TestDatabase();
        Seed = new Seed(Database);
        var services = new ServiceCollection();
        services.AddLogging();
        services.AddSingleton(TimeProvider.System);
        services.Configure<PortalOptions>(o => o.PublicBaseUrl = "https://portal.test");
        services.AddSingleton<IDbContextFactory<ApplicationDbContext>>(Database);
        services.AddAccess();
        services.AddAudit();
        services.AddEmail(new ConfigurationBuilder().Build());
        services.AddNotifications();
        services.AddSharing();
        services.AddApprovals();
        Configure(services);
        Provider = services.BuildServiceProvider();
        Scope = Provider.CreateScope();
    }

    /// <summary>Changes to the app's wiring a test class needs (options); runs before the provider is built.</summary>
    protected virtual void Configure(IServiceCollection services)
    {
    }

    protected TestDatabase Database { get; }

    protected Seed Seed { get; }

    protected ServiceProvider Provider { get; }

    protected IServiceScope Scope { get; }

    protected T Get<T>() where T : notnull => Scope.ServiceProvider.GetRequiredService<T>();

    /// <summary>A fresh scope's instance, for running two commands side by side.</summary>
    protected T GetFresh<T>() where T : notnull => Provider.CreateScope().ServiceProvider.GetRequiredService<T>();

    protected static ClaimsPrincipal As(ApplicationUser user) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, user.UserName!)], "Test"));

    protected ApplicationDbContext Db() => Database.CreateDbContext();

    /// <summary>Counts of the rows a refused command must not have written.</summary>
    protected async Task<(int Users, int Teams, int Organizations, int Requests, int Audit, int Notifications, int Outbox)> CountsAsync()
    {
        await using var db = Db();
        return (await db.AssistantUserGrants.CountAsync(), await db.AssistantTeamGrants.CountAsync(), await db.AssistantOrganizationGrants.CountAsync(),
            await db.ShareRequests.CountAsync(), await db.AuditEntries.CountAsync(), await db.Notifications.CountAsync(), await db.OutboxMessages.CountAsync());
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        Scope.Dispose();
        await Provider.DisposeAsync();
        await Database.DisposeAsync();
    }
}
