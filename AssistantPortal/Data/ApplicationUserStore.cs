using AssistantPortal.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AssistantPortal.Data;

/// <summary>
/// Identity's store, plus the one rule of SPEC §3 about new accounts: the first account on a fresh
/// database (or the one named in configuration) becomes Global Admin; every other one, including
/// one made at a first single sign-on login, is a User. Placing it here covers every way in.
/// </summary>
public sealed class ApplicationUserStore(ApplicationDbContext context, IOptions<PortalOptions> options, TimeProvider clock, IdentityErrorDescriber? describer = null)
    : UserStore<ApplicationUser, IdentityRole, ApplicationDbContext>(context, describer)
{
    public override async Task<IdentityResult> CreateAsync(ApplicationUser user, CancellationToken cancellationToken = default)
    {
        user.CreatedAt = clock.GetUtcNow().UtcDateTime;
        var configured = options.Value.InitialGlobalAdminEmail;
        user.GlobalRole = string.IsNullOrWhiteSpace(configured)
            ? await Context.Users.AnyAsync(cancellationToken) ? GlobalRole.User : GlobalRole.GlobalAdmin
            : string.Equals(user.Email, configured.Trim(), StringComparison.OrdinalIgnoreCase) ? GlobalRole.GlobalAdmin : GlobalRole.User;
        return await base.CreateAsync(user, cancellationToken);
    }
}
