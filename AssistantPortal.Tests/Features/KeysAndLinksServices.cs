using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.ApiKeys;
using AssistantPortal.Features.Audit;
using AssistantPortal.Features.Links;
using AssistantPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantPortal.Tests.Features;

/// <summary>A clock the test moves by hand.</summary>
public sealed class ManualClock(DateTimeOffset now) : TimeProvider
{
    public DateTimeOffset Now { get; set; } = now;

    public override DateTimeOffset GetUtcNow() => Now;
}

/// <summary>Records which assistants were announced as changed.</summary>
public sealed class RecordingAccessChangeEvents : IAccessChangeEvents
{
    public List<int?> Published { get; } = [];

    public event Action<int?>? Changed;

    public void PublishAssistant(int assistantId)
    {
        Published.Add(assistantId);
        Changed?.Invoke(assistantId);
    }

    public void PublishAll()
    {
        Published.Add(null);
        Changed?.Invoke(null);
    }
}

/// <summary>
/// The real services behind the API-key and link use cases — resolver, resource-based authorization,
/// audit log — on a <see cref="TestDatabase"/>. Only the clock and the change events are test doubles.
/// </summary>
public static class KeysAndLinksServices
{
    public static readonly DateTimeOffset Start = new(2026, 11, 23, 10, 0, 0, TimeSpan.Zero);

    public static IServiceCollection AddKeysAndLinks(this IServiceCollection services, TestDatabase database,
        ManualClock clock, RecordingAccessChangeEvents events)
    {
        services.AddLogging();
        services.AddAuthorizationCore();
        services.AddSingleton<IDbContextFactory<ApplicationDbContext>>(database);
        services.AddSingleton<IAccessResolver, AccessResolver>();
        services.AddSingleton<IAuthorizationHandler, AssistantAuthorizationHandler>();
        services.AddScoped<AssistantAuthorizer>();
        services.AddSingleton<TimeProvider>(clock);
        services.AddSingleton<IAccessChangeEvents>(events);
        services.AddSingleton<IAuditLog, AuditLog>();
        services.AddApiKeys();
        services.AddLinks();
        return services;
    }

    /// <summary>The principal of a signed-in user, as the cookie handler would build it.</summary>
    public static ClaimsPrincipal Principal(ApplicationUser user) =>
        new(new ClaimsIdentity(
            [new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, user.UserName!)], "Test"));
}

/// <summary>Base for the use-case tests: a fresh database, seed builders and a service provider per test.</summary>
public abstract class UseCaseTestBase : IAsyncLifetime
{
    protected UseCaseTestBase()
    {
        Database = new TestDatabase();
        Seed = new Seed(Database);
        Clock = new ManualClock(KeysAndLinksServices.Start);
        Services = new ServiceCollection().AddKeysAndLinks(Database, Clock, Events).BuildServiceProvider();
    }

    protected TestDatabase Database { get; }
    protected Seed Seed { get; }
    protected ManualClock Clock { get; }
    protected RecordingAccessChangeEvents Events { get; } = new();
    protected ServiceProvider Services { get; }

    protected T Get<T>() where T : notnull => Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
    }
}
