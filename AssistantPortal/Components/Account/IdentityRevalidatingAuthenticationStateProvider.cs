using System.Security.Claims;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Components.Server;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;
using AssistantPortal.Data;
using AssistantPortal.Features.Admin.Users;

namespace AssistantPortal.Components.Account;

// This is a server-side AuthenticationStateProvider that revalidates the security stamp for the connected user
// every 30 minutes an interactive circuit is connected, and at once when an admin changes the user's role or lock
// (IUserSessionEvents): a locked account's open tabs are signed out, and a changed role is announced as a new
// authentication state, so everything that reads the role (the admin navigation, pages) reloads it from the database.
internal sealed class IdentityRevalidatingAuthenticationStateProvider
    : RevalidatingServerAuthenticationStateProvider
{
    private readonly IServiceScopeFactory _scopeFactory;
    private readonly IOptions<IdentityOptions> _options;
    private readonly IUserSessionEvents _sessionEvents;
    private readonly ILogger _logger;

    public IdentityRevalidatingAuthenticationStateProvider(
        ILoggerFactory loggerFactory,
        IServiceScopeFactory scopeFactory,
        IOptions<IdentityOptions> options,
        IUserSessionEvents sessionEvents)
        : base(loggerFactory)
    {
        _scopeFactory = scopeFactory;
        _options = options;
        _sessionEvents = sessionEvents;
        _logger = loggerFactory.CreateLogger<IdentityRevalidatingAuthenticationStateProvider>();
        _sessionEvents.UserChanged += OnUserChanged;
    }

    protected override TimeSpan RevalidationInterval => TimeSpan.FromMinutes(30);

    protected override async Task<bool> ValidateAuthenticationStateAsync(
        AuthenticationState authenticationState, CancellationToken cancellationToken)
    {
        // Get the user manager from a new scope to ensure it fetches fresh data
        await using var scope = _scopeFactory.CreateAsyncScope();
        var userManager = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        return await ValidateSecurityStampAsync(userManager, authenticationState.User);
    }

    private async Task<bool> ValidateSecurityStampAsync(UserManager<ApplicationUser> userManager, ClaimsPrincipal principal)
    {
        var user = await userManager.GetUserAsync(principal);
        if (user is null || await userManager.IsLockedOutAsync(user))
        {
            return false;
        }
        else if (!userManager.SupportsUserSecurityStamp)
        {
            return true;
        }
        else
        {
            var principalStamp = principal.FindFirstValue(_options.Value.ClaimsIdentity.SecurityStampClaimType);
            var userStamp = await userManager.GetSecurityStampAsync(user);
            return principalStamp == userStamp;
        }
    }

    /// <summary>Another circuit changed an account: if it is this circuit's, check it now rather than in up to 30 minutes.</summary>
    private void OnUserChanged(string userId) => _ = RecheckAsync(userId);

    private async Task RecheckAsync(string userId)
    {
        AuthenticationState state;
        try
        {
            state = await GetAuthenticationStateAsync();
        }
        catch (InvalidOperationException)
        {
            // This scope's state is not set yet (a request that has not reached a component): nothing is open to update.
            return;
        }
        try
        {
            if (state.User.FindFirstValue(ClaimTypes.NameIdentifier) != userId)
            {
                return;
            }
            var stillValid = await ValidateAuthenticationStateAsync(state, CancellationToken.None);
            // Signed out, as the periodic revalidation does; or the same user announced again, for components to re-read the role.
            SetAuthenticationState(Task.FromResult(stillValid ? state : new AuthenticationState(new ClaimsPrincipal(new ClaimsIdentity()))));
        }
        catch (Exception e)
        {
            // Runs on the publisher's thread for a circuit that may be gone; the periodic revalidation still applies.
            _logger.LogWarning(e, "Could not recheck the authentication state after a change to user {UserId}.", userId);
        }
    }

    protected override void Dispose(bool disposing)
    {
        _sessionEvents.UserChanged -= OnUserChanged;
        base.Dispose(disposing);
    }
}
