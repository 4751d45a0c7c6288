using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Audit;
using AssistantPortal.Features.Email;
using AssistantPortal.Features.Notifications;
using AssistantPortal.Features.Organizations;
using AssistantPortal.Features.Sharing;
using AssistantPortal.Infrastructure;
using AssistantPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantPortal.Tests.Features.Organizations;

/// <summary>A real migrated SQLite file, the real audit log, and a recorder for access-change signals.</summary>
public abstract class OrganizationsTestBase : IAsyncDisposable
{
    protected OrganizationsTestBase()
    {
        Database = new TestDatabase();
        Seed = new Seed(Database);
    }

    protected TestDatabase Database { get; }

    protected Seed Seed { get; }

    protected RecordingAccessChangeEvents Events { get; } = new();

    /// <summary>A use case wired to the test database (or to <paramref name="factory"/>, e.g. one that races).</summary>
    protected T Create<T>(IDbContextFactory<ApplicationDbContext>? factory = null) where T : class
    {
        var services = new ServiceCollection()
            .AddSingleton(factory ?? Database)
            .AddSingleton<IAuditLog, AuditLog>()
            .AddSingleton<IAccessChangeEvents>(Events)
            .AddSingleton(TimeProvider.System)
            .AddGroupDeletionServices()
            .BuildServiceProvider();
        return ActivatorUtilities.CreateInstance<T>(services);
    }

    protected static ClaimsPrincipal As(ApplicationUser user) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, user.UserName!)], "test"));

    protected async Task<List<AuditEntry>> AuditAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.AuditEntries.OrderBy(e => e.Id).ToListAsync();
    }

    protected async Task<T> QueryAsync<T>(Func<ApplicationDbContext, Task<T>> query)
    {
        await using var db = Database.CreateDbContext();
        return await query(db);
    }

    /// <summary>Asserts bad input: the message sits on <paramref name="field"/>, and nothing was audited or signalled.</summary>
    protected async Task AssertRefusedAsync(CommandResult result, string field, string messagePart)
    {
        Assert.Equal(CommandStatus.Invalid, result.Status);
        Assert.Contains(messagePart, result.ErrorFor(field));
        Assert.Empty(await AuditAsync());
        Assert.Equal(0, Events.AllCount);
    }

    /// <summary>
    /// A context factory whose first save is preceded by <paramref name="racer"/> on another context:
    /// the other request that got there first.
    /// </summary>
    protected IDbContextFactory<ApplicationDbContext> Racing(Func<ApplicationDbContext, Task> racer) => new RacingFactory(Database, racer);

    public ValueTask DisposeAsync() => Database.DisposeAsync();

    private sealed class RacingFactory(TestDatabase database, Func<ApplicationDbContext, Task> racer) : IDbContextFactory<ApplicationDbContext>
    {
        private bool _raced;

        private Func<ApplicationDbContext, Task> Racer { get; } = racer;

        public ApplicationDbContext CreateDbContext()
        {
            var options = new DbContextOptionsBuilder<ApplicationDbContext>(database.Options)
                .AddInterceptors(new RaceInterceptor(this)).Options;
            return new ApplicationDbContext(options);
        }

        private sealed class RaceInterceptor(RacingFactory factory) : SaveChangesInterceptor
        {
            public override async ValueTask<InterceptionResult<int>> SavingChangesAsync(
                DbContextEventData eventData, InterceptionResult<int> result, CancellationToken cancellationToken = default)
            {
                if (!factory._raced)
                {
                    factory._raced = true;
                    await using var other = factory.CreateDbContext();
                    await factory.Racer(other);
                }
                return result;
            }
        }
    }
}

public static class OrganizationsTestServices
{
    /// <summary>
    /// What deleting a team or organization needs besides the membership commands' own services: the real
    /// notifier and outbox (messages to the requesters of removed share requests), written to the test database.
    /// </summary>
    public static IServiceCollection AddGroupDeletionServices(this IServiceCollection services)
    {
        services.AddLogging();
        services.Configure<PortalOptions>(o => o.PublicBaseUrl = "https://portal.test");
        services.AddEmail(new ConfigurationBuilder().Build());
        services.AddNotifications();
        services.AddSingleton<SharingMessages>();
        services.AddSingleton<GroupAccessRemoval>();
        return services;
    }
}

/// <summary>Counts the access-change signals a command sends.</summary>
public sealed class RecordingAccessChangeEvents : IAccessChangeEvents
{
    public int AllCount { get; private set; }

    public event Action<int?>? Changed;

    public void PublishAssistant(int assistantId) => Changed?.Invoke(assistantId);

    public void PublishAll()
    {
        AllCount++;
        Changed?.Invoke(null);
    }
}
