using System.Security.Claims;
using AssistantPortal.Data;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AssistantPortal.Features.Admin.Users;

/// <summary>
/// Ends the cookie session of a locked (or deleted) account at its next request. Identity checks the security stamp
/// only every 30 minutes; a lock must not wait that long. One indexed read of the user's row per request that
/// carries an application cookie, after Identity's own check.
/// </summary>
public sealed class LockedAccountCookieCheck(IDbContextFactory<ApplicationDbContext> dbFactory, TimeProvider clock)
    : IPostConfigureOptions<CookieAuthenticationOptions>
{
    public void PostConfigure(string? name, CookieAuthenticationOptions options)
    {
        if (name != IdentityConstants.ApplicationScheme)
        {
            return;
        }
        var identityCheck = options.Events.OnValidatePrincipal;
        options.Events.OnValidatePrincipal = async context =>
        {
            await identityCheck(context);
            if (context.Principal?.FindFirstValue(ClaimTypes.NameIdentifier) is not { } userId)
            {
                return;
            }
            await using var db = await dbFactory.CreateDbContextAsync(context.HttpContext.RequestAborted);
            var user = await db.Users.AsNoTracking().Where(u => u.Id == userId)
                .Select(u => new { u.LockoutEnd }).FirstOrDefaultAsync(context.HttpContext.RequestAborted);
            if (user is null || UserAdminCommand.IsLocked(user.LockoutEnd, clock.GetUtcNow()))
            {
                context.RejectPrincipal();
                await context.HttpContext.SignOutAsync(IdentityConstants.ApplicationScheme);
            }
        };
    }
}
