using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Notifications;

/// <summary>One notification as its owner sees it.</summary>
public sealed record NotificationItem(int Id, NotificationKind Kind, string Message, string? Link, DateTime CreatedAt, bool IsRead);

/// <summary>A page of notifications, newest first, and how many there are in all.</summary>
public sealed record NotificationPage(IReadOnlyList<NotificationItem> Items, int Total, int Unread);

/// <summary>
/// The viewer's own notifications (SPEC §6): every query is filtered by the signed-in user's id, so nobody reads or
/// marks another person's; an id that is not the viewer's is treated as not found. Changes are published through
/// <see cref="INotificationEvents"/> so the viewer's other open tabs (the app-bar badge) update.
/// </summary>
public sealed class UserNotifications(IDbContextFactory<ApplicationDbContext> dbFactory, INotificationEvents events, TimeProvider clock)
{
    public const int MaxPageSize = 100;

    /// <summary>The viewer's notifications, newest first.</summary>
    public async Task<NotificationPage> ListAsync(ClaimsPrincipal viewer, int skip, int take, CancellationToken cancellationToken = default)
    {
        if (UserId(viewer) is not { } userId)
        {
            return new NotificationPage([], 0, 0);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var mine = db.Notifications.AsNoTracking().Where(n => n.UserId == userId);
        var total = await mine.CountAsync(cancellationToken);
        var unread = await mine.CountAsync(n => n.ReadAt == null, cancellationToken);
        var items = await mine
            .OrderByDescending(n => n.CreatedAt).ThenByDescending(n => n.Id)
            .Skip(Math.Max(skip, 0)).Take(Math.Clamp(take, 1, MaxPageSize))
            .Select(n => new NotificationItem(n.Id, n.Kind, n.Message, n.Link, n.CreatedAt, n.ReadAt != null))
            .ToListAsync(cancellationToken);
        return new NotificationPage(items, total, unread);
    }

    /// <summary>How many of the viewer's notifications are unread.</summary>
    public async Task<int> UnreadCountAsync(ClaimsPrincipal viewer, CancellationToken cancellationToken = default)
    {
        if (UserId(viewer) is not { } userId)
        {
            return 0;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.Notifications.CountAsync(n => n.UserId == userId && n.ReadAt == null, cancellationToken);
    }

    /// <summary>Marks one of the viewer's notifications read; false when it is not theirs or does not exist.</summary>
    public Task<bool> MarkReadAsync(ClaimsPrincipal viewer, int id, CancellationToken cancellationToken = default) =>
        SetReadAsync(viewer, id, read: true, cancellationToken);

    /// <summary>Marks one of the viewer's notifications unread again; false when it is not theirs or does not exist.</summary>
    public Task<bool> MarkUnreadAsync(ClaimsPrincipal viewer, int id, CancellationToken cancellationToken = default) =>
        SetReadAsync(viewer, id, read: false, cancellationToken);

    /// <summary>Marks every unread notification of the viewer read; returns how many changed.</summary>
    public async Task<int> MarkAllReadAsync(ClaimsPrincipal viewer, CancellationToken cancellationToken = default)
    {
        if (UserId(viewer) is not { } userId)
        {
            return 0;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.Notifications.Where(n => n.UserId == userId && n.ReadAt == null)
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, now), cancellationToken);
        if (changed > 0)
        {
            events.Publish([userId]);
        }
        return changed;
    }

    private async Task<bool> SetReadAsync(ClaimsPrincipal viewer, int id, bool read, CancellationToken cancellationToken)
    {
        if (UserId(viewer) is not { } userId)
        {
            return false;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        DateTime? readAt = read ? clock.GetUtcNow().UtcDateTime : null;
        var mine = db.Notifications.Where(n => n.Id == id && n.UserId == userId);
        // Only a real change is written and published; marking a read one read again keeps its first ReadAt.
        var changed = await (read ? mine.Where(n => n.ReadAt == null) : mine.Where(n => n.ReadAt != null))
            .ExecuteUpdateAsync(s => s.SetProperty(n => n.ReadAt, readAt), cancellationToken);
        if (changed > 0)
        {
            events.Publish([userId]);
            return true;
        }
        return await mine.AnyAsync(cancellationToken);
    }

    private static string? UserId(ClaimsPrincipal viewer) => Viewer.From(viewer).UserId;

    /// <summary>
    /// The notification's link if it is an address inside the app (relative, or rooted at "/"); anything else
    /// (another site, <c>javascript:</c>) is not offered as a link.
    /// </summary>
    public static string? SafeLink(string? link)
    {
        if (string.IsNullOrWhiteSpace(link) || link.StartsWith("//", StringComparison.Ordinal) || link.Contains('\\'))
        {
            return null;
        }
        return Uri.TryCreate(link, UriKind.Relative, out _) ? link : null;
    }
}
