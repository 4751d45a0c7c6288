using System.Collections.Concurrent;
using System.Net;
using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Admin;
using AssistantPortal.Features.Admin.Users;
using AssistantPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Components.Authorization;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantPortal.Tests.Features.Admin.Users;

/// <summary>
/// SPEC §3, last line: a role change takes effect on the user's next request, including a tab they have open;
/// a locked account loses its open tabs and its cookie. The real app, its real authentication state provider
/// (one per circuit, resolved here in a scope as a circuit does) and real signed-in HTTP clients.
/// </summary>
public sealed class OpenSessionTests : IAsyncLifetime
{
    private readonly AppFactory _app = new();
    private ApplicationUser _gina = null!;
    private ApplicationUser _uma = null!;

    public async Task InitializeAsync()
    {
        _gina = await _app.CreateUserAsync("gina@example.test");
        _uma = await _app.CreateUserAsync("uma@example.test");
        Assert.Equal(GlobalRole.GlobalAdmin, _gina.GlobalRole);
    }

    public Task DisposeAsync()
    {
        _app.Dispose();
        return Task.CompletedTask;
    }

    /// <summary>A circuit of <paramref name="user"/>: its scope, with the provider holding the principal the cookie gave it.</summary>
    private async Task<(AsyncServiceScope Scope, AuthenticationStateProvider Provider, ConcurrentQueue<AuthenticationState> States)> OpenTabAsync(ApplicationUser user)
    {
        var scope = _app.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>().FindByIdAsync(user.Id);
        var principal = await scope.ServiceProvider.GetRequiredService<IUserClaimsPrincipalFactory<ApplicationUser>>().CreateAsync(stored!);
        var provider = scope.ServiceProvider.GetRequiredService<AuthenticationStateProvider>();
        ((IHostEnvironmentAuthenticationStateProvider)provider).SetAuthenticationState(Task.FromResult(new AuthenticationState(principal)));
        var states = new ConcurrentQueue<AuthenticationState>();
        provider.AuthenticationStateChanged += async state => states.Enqueue(await state);
        return (scope, provider, states);
    }

    private async Task<T> AsGinaAsync<T>(Func<IServiceProvider, ClaimsPrincipal, Task<T>> action)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, _gina.Id)], "test"));
        return await action(scope.ServiceProvider, principal);
    }

    [Fact]
    public async Task RoleChange_ReannouncesTheOpenTabsStateStillSignedIn_AndItsRoleIsTheNewOne()
    {
        var (scope, provider, states) = await OpenTabAsync(_uma);
        await using var _ = scope;
        var other = await _app.CreateUserAsync("other@example.test");
        Assert.True((await AsGinaAsync((s, p) => s.GetRequiredService<ChangeGlobalRole>().ExecuteAsync(p, other.Id, GlobalRole.ApplicationAdmin))).Succeeded);

        var result = await AsGinaAsync((s, p) => s.GetRequiredService<ChangeGlobalRole>().ExecuteAsync(p, _uma.Id, GlobalRole.ApplicationAdmin));

        Assert.True(result.Succeeded);
        await Eventually.UntilAsync(() => !states.IsEmpty, "Uma's open tab is told");
        var state = Assert.Single(states);
        Assert.True(state.User.Identity?.IsAuthenticated);
        Assert.Equal(_uma.Id, state.User.FindFirstValue(ClaimTypes.NameIdentifier));
        Assert.Equal(GlobalRole.ApplicationAdmin, await scope.ServiceProvider.GetRequiredService<CurrentGlobalRole>().GetAsync());
    }

    [Fact]
    public async Task Lock_SignsTheOpenTabOut()
    {
        var (scope, provider, states) = await OpenTabAsync(_uma);
        await using var _ = scope;

        var result = await AsGinaAsync((s, p) => s.GetRequiredService<LockUser>().ExecuteAsync(p, _uma.Id));

        Assert.True(result.Succeeded);
        await Eventually.UntilAsync(() => !states.IsEmpty, "Uma's open tab is told");
        Assert.False(Assert.Single(states).User.Identity?.IsAuthenticated);
        Assert.False((await provider.GetAuthenticationStateAsync()).User.Identity?.IsAuthenticated);
    }

    [Fact]
    public async Task Lock_EndsTheCookieSessionAtTheNextRequest()
    {
        using var client = await _app.SignInAsync("uma@example.test");
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/teams")).StatusCode);

        Assert.True((await AsGinaAsync((s, p) => s.GetRequiredService<LockUser>().ExecuteAsync(p, _uma.Id))).Succeeded);

        var response = await client.GetAsync("/teams");
        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.ToString());
        Assert.True((await AsGinaAsync((s, p) => s.GetRequiredService<UnlockUser>().ExecuteAsync(p, _uma.Id))).Succeeded);
        // The cookie was signed out, not merely refused once: unlocking does not bring that session back.
        Assert.Equal(HttpStatusCode.Redirect, (await client.GetAsync("/teams")).StatusCode);
    }

    [Fact]
    public async Task RoleChange_AppliesToTheNextRequestWithoutSigningOut()
    {
        using var client = await _app.SignInAsync("uma@example.test");
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/users")).StatusCode);

        Assert.True((await AsGinaAsync((s, p) => s.GetRequiredService<ChangeGlobalRole>().ExecuteAsync(p, _uma.Id, GlobalRole.ApplicationAdmin))).Succeeded);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/admin/users")).StatusCode);

        Assert.True((await AsGinaAsync((s, p) => s.GetRequiredService<ChangeGlobalRole>().ExecuteAsync(p, _uma.Id, GlobalRole.User))).Succeeded);
        Assert.Equal(HttpStatusCode.NotFound, (await client.GetAsync("/admin/users")).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await client.GetAsync("/teams")).StatusCode);
    }
}
