using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Tests.Features.Notifications;

/// <summary>A real database that counts the contexts it hands out, and builders for notifications.</summary>
public sealed class NotificationFixture : IDbContextFactory<ApplicationDbContext>, IAsyncDisposable
{
    private static readonly DateTime Start = new(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);
    private readonly TestDatabase _database = new();
    private int _contexts;

    public NotificationFixture() => Seed = new Seed(_database);

    public Seed Seed { get; }

    /// <summary>How many contexts were created so far: a component that queries shows up here at once.</summary>
    public int ContextsCreated => Volatile.Read(ref _contexts);

    public ApplicationDbContext CreateDbContext()
    {
        Interlocked.Increment(ref _contexts);
        return _database.CreateDbContext();
    }

    /// <summary>Adds a notification for <paramref name="user"/>, <paramref name="minutes"/> after a fixed start.</summary>
    public async Task<Notification> AddAsync(ApplicationUser user, string message, int minutes, bool read = false, string? link = null)
    {
        await using var db = _database.CreateDbContext();
        var notification = new Notification
        {
            UserId = user.Id, Kind = NotificationKind.SharedWithYou, Message = message, Link = link,
            CreatedAt = Start.AddMinutes(minutes), ReadAt = read ? Start.AddMinutes(minutes + 1) : null,
        };
        db.Notifications.Add(notification);
        await db.SaveChangesAsync();
        return notification;
    }

    public async Task<Notification> FindAsync(int id)
    {
        await using var db = _database.CreateDbContext();
        return await db.Notifications.AsNoTracking().SingleAsync(n => n.Id == id);
    }

    public static ClaimsPrincipal Principal(ApplicationUser user) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, user.UserName!)], "test"));

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
