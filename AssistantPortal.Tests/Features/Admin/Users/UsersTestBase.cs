using System.Collections.Concurrent;
using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Admin.Users;
using AssistantPortal.Features.Audit;
using AssistantPortal.Features.Organizations;
using AssistantPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantPortal.Tests.Features.Admin.Users;

/// <summary>A real migrated SQLite file, the real audit log, and recorders for the signals the user commands send.</summary>
public abstract class UsersTestBase : IAsyncDisposable
{
    protected UsersTestBase()
    {
        Database = new TestDatabase();
        Seed = new Seed(Database);
    }

    protected TestDatabase Database { get; }

    protected Seed Seed { get; }

    protected RecordingUserSessionEvents Sessions { get; } = new();

    protected AccessChangeEvents AccessEvents { get; } = new();

    /// <summary>A use case wired to the test database.</summary>
    protected T Create<T>() where T : class
    {
        var services = new ServiceCollection()
            .AddSingleton<IDbContextFactory<ApplicationDbContext>>(Database)
            .AddSingleton<IAuditLog, global::AssistantPortal.Features.Audit.AuditLog>()
            .AddSingleton<IAccessChangeEvents>(AccessEvents)
            .AddSingleton<IUserSessionEvents>(Sessions)
            .AddSingleton(TimeProvider.System)
            .BuildServiceProvider();
        return ActivatorUtilities.CreateInstance<T>(services);
    }

    protected static ClaimsPrincipal As(ApplicationUser user) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, user.UserName!)], "test"));

    protected async Task<ApplicationUser> ReloadAsync(ApplicationUser user)
    {
        await using var db = Database.CreateDbContext();
        return await db.Users.AsNoTracking().SingleAsync(u => u.Id == user.Id);
    }

    protected async Task<GlobalRole> RoleOfAsync(ApplicationUser user) => (await ReloadAsync(user)).GlobalRole;

    protected async Task<List<AuditEntry>> AuditAsync()
    {
        await using var db = Database.CreateDbContext();
        return await db.AuditEntries.OrderBy(e => e.Id).ToListAsync();
    }

    /// <summary>Asserts a refusal: its message, and that nothing was audited or signalled.</summary>
    protected async Task AssertRefusedAsync(CommandResult result, CommandStatus status, string field, string message)
    {
        Assert.Equal(status, result.Status);
        Assert.Equal(message, result.ErrorFor(field));
        Assert.Empty(await AuditAsync());
        Assert.Empty(Sessions.Changed);
    }

    public ValueTask DisposeAsync() => Database.DisposeAsync();
}

/// <summary>Records which accounts the commands announced as changed.</summary>
public sealed class RecordingUserSessionEvents : IUserSessionEvents
{
    private readonly ConcurrentQueue<string> _changed = new();

    public IReadOnlyCollection<string> Changed => _changed;

    public event Action<string>? UserChanged;

    public void PublishUserChanged(string userId)
    {
        _changed.Enqueue(userId);
        UserChanged?.Invoke(userId);
    }
}
