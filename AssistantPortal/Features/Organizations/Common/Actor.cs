using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Organizations;

/// <summary>
/// The signed-in person behind a command, with the global role read from the database (never from
/// the cookie), so that a role change applies on the next request.
/// </summary>
public sealed record Actor(string Id, string Name, GlobalRole Role)
{
    public bool IsGlobalAdmin => Role == GlobalRole.GlobalAdmin;

    /// <summary>The actor, or null when nobody (or a locked or deleted account) is signed in.</summary>
    public static async Task<Actor?> LoadAsync(ApplicationDbContext db, ClaimsPrincipal principal, CancellationToken ct = default)
    {
        var userId = Viewer.From(principal).UserId;
        if (userId is null)
        {
            return null;
        }
        var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
            .Select(u => new { u.Id, u.UserName, u.GlobalRole, u.LockoutEnd }).FirstOrDefaultAsync(ct);
        return user is null || user.LockoutEnd > DateTimeOffset.UtcNow ? null : new Actor(user.Id, user.UserName ?? user.Id, user.GlobalRole);
    }
}
