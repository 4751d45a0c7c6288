using System.Security.Claims;
using AssistantPortal.Data;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Admin;

/// <summary>
/// The signed-in viewer's global role as the database holds it now (never the cookie's copy), so the
/// navigation agrees with the policies that guard every admin page. Anonymous or locked: User.
/// </summary>
public sealed class CurrentGlobalRole(AuthenticationStateProvider authentication, IDbContextFactory<ApplicationDbContext> dbFactory, TimeProvider clock)
{
    public async Task<GlobalRole> GetAsync()
    {
        var state = await authentication.GetAuthenticationStateAsync();
        var userId = state.User.FindFirstValue(ClaimTypes.NameIdentifier);
        if (userId is null)
        {
            return GlobalRole.User;
        }
        await using var db = await dbFactory.CreateDbContextAsync();
        var now = clock.GetUtcNow();
        var user = await db.Users.Where(u => u.Id == userId)
            .Select(u => new { u.GlobalRole, u.LockoutEnd }).FirstOrDefaultAsync();
        return user is null || user.LockoutEnd > now ? GlobalRole.User : user.GlobalRole;
    }
}
