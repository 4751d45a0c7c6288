using System.Text.RegularExpressions;
using AssistantPortal.Data;
using AssistantPortal.E2E.Infrastructure;
using AssistantPortal.E2E.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace AssistantPortal.E2E.Accounts;

/// <summary>
/// Single sign-on in a real browser against a real OpenID Connect provider (<see cref="OpenIdProvider"/>,
/// OpenIddict on loopback): the code flow with PKCE from the sign-in page's button to the provider and back.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class SingleSignOnTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    private const string Provider = "Company SSO";
    private const string ClientId = "assistant-portal";
    private const string ClientSecret = "e2e-client-secret";
    private const string SsoEmail = "sso.user@e2e.test";

    private OpenIdProvider _provider = null!;

    public override async Task InitializeAsync()
    {
        _provider = await OpenIdProvider.StartAsync(App.Logs);
        _provider.SignedInUser = new ProviderUser("sso-subject-42", SsoEmail);
        await base.InitializeAsync();
        // The app's port is known only once it runs; the provider accepts no other redirect address.
        await _provider.RegisterClientAsync(ClientId, ClientSecret, new Uri($"{App.BaseUrl}/signin-oidc"));
    }

    protected override void ConfigureApp(KestrelAppFactory app)
    {
        app.Settings["Authentication:OpenIdConnect:Authority"] = _provider.Authority;
        app.Settings["Authentication:OpenIdConnect:ClientId"] = ClientId;
        app.Settings["Authentication:OpenIdConnect:ClientSecret"] = ClientSecret;
        app.Settings["Authentication:OpenIdConnect:DisplayName"] = Provider;
        app.Settings["Authentication:OpenIdConnect:RequireHttpsMetadata"] = "false";
    }

    [ScenarioFact]
    public async Task First_sso_sign_in_creates_a_user_and_the_next_one_reuses_the_account()
    {
        await RegisterAsync("admin@e2e.test");
        var page = await NewPageAsync();
        var login = new LoginPage(page);
        var appBar = new AppBar(page);

        await login.GotoAsync();
        await Expect(login.ProviderButton(Provider)).ToBeVisibleAsync();
        await login.ClickProviderAsync(Provider);

        await Expect(appBar.SignedInUser).ToHaveTextAsync(SsoEmail);
        await Expect(page).ToHaveURLAsync(new Regex($"^{Regex.Escape(App.BaseUrl)}/?$"));
        await Expect(page.GetByRole(AriaRole.Link, new() { Name = "My assistants" })).ToBeVisibleAsync();
        await Expect(page.GetByTestId("admin-nav")).ToHaveCountAsync(0);
        Assert.Equal(1, _provider.SignIns);
        var (id, role) = await AccountAsync(SsoEmail);
        Assert.Equal(GlobalRole.User, role);

        await appBar.SignOutAsync();
        await Expect(appBar.SignInLink).ToBeVisibleAsync();
        await login.SignInWithProviderAsync(Provider);

        await Expect(appBar.SignedInUser).ToHaveTextAsync(SsoEmail);
        Assert.Equal(2, _provider.SignIns);
        await using var db = App.CreateDbContext();
        Assert.Equal(2, await db.Users.CountAsync());
        var logins = await db.UserLogins.Where(l => l.UserId == id).Select(l => new { l.LoginProvider, l.ProviderKey }).ToListAsync();
        Assert.Equal([("OpenIdConnect", "sso-subject-42")], logins.Select(l => (l.LoginProvider, l.ProviderKey)));
    }

    [ScenarioFact]
    public async Task First_sso_sign_in_on_an_empty_installation_becomes_global_admin()
    {
        var page = await NewPageAsync();

        await new LoginPage(page).SignInWithProviderAsync(Provider);

        await Expect(new AppBar(page).SignedInUser).ToHaveTextAsync(SsoEmail);
        await Expect(page.GetByTestId("admin-nav")).ToBeVisibleAsync();
        var (_, role) = await AccountAsync(SsoEmail);
        Assert.Equal(GlobalRole.GlobalAdmin, role);
    }

    [ScenarioFact]
    public async Task Locked_account_cannot_sign_in_through_sso()
    {
        await RegisterAsync("admin@e2e.test");
        var page = await NewPageAsync();
        var appBar = new AppBar(page);
        await new LoginPage(page).SignInWithProviderAsync(Provider);
        await Expect(appBar.SignedInUser).ToHaveTextAsync(SsoEmail);
        await appBar.SignOutAsync();
        await Expect(appBar.SignInLink).ToBeVisibleAsync();

        await using (var db = App.CreateDbContext())
        {
            var user = await db.Users.SingleAsync(u => u.Email == SsoEmail);
            user.LockoutEnd = DateTimeOffset.UtcNow.AddYears(100);
            await db.SaveChangesAsync();
        }
        await new LoginPage(page).SignInWithProviderAsync(Provider);

        await Expect(page).ToHaveURLAsync(new Regex("/Account/Lockout$"));
        await Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("This account has been locked out");
        await Expect(appBar.SignedInUser).ToHaveCountAsync(0);
    }

    [ScenarioFact]
    public async Task Sso_email_of_an_existing_local_account_is_refused_until_the_account_links_the_provider()
    {
        await RegisterAsync(SsoEmail);
        var page = await NewPageAsync();
        var login = new LoginPage(page);
        var appBar = new AppBar(page);

        await login.SignInWithProviderAsync(Provider);

        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login$"));
        await Expect(login.Error).ToContainTextAsync($"An account with the email {SsoEmail} already exists");
        await Expect(appBar.SignedInUser).ToHaveCountAsync(0);
        await using (var db = App.CreateDbContext())
        {
            Assert.Equal(1, await db.Users.CountAsync());
            Assert.Equal(0, await db.UserLogins.CountAsync());
        }

        // The remedy the message gives: sign in with the password, link the provider, then use it.
        await login.SignInAsync(SsoEmail, Password);
        await page.GotoAsync("/Account/Manage/ExternalLogins");
        await page.GetByRole(AriaRole.Button, new() { Name = Provider, Exact = true }).ClickAsync(new() { Timeout = 60_000 });
        await Expect(page.GetByRole(AriaRole.Alert)).ToHaveTextAsync("The external login was added.");
        await appBar.SignOutAsync();
        await Expect(appBar.SignInLink).ToBeVisibleAsync();
        await login.SignInWithProviderAsync(Provider);

        await Expect(appBar.SignedInUser).ToHaveTextAsync(SsoEmail);
        await using (var db = App.CreateDbContext())
        {
            Assert.Equal(1, await db.Users.CountAsync());
            Assert.Equal(1, await db.UserLogins.CountAsync());
        }
    }

    [ScenarioFact]
    public async Task Sso_email_the_provider_has_not_verified_creates_no_account()
    {
        _provider.SignedInUser = new ProviderUser("sso-subject-7", "unverified@e2e.test", EmailVerified: false);
        var page = await NewPageAsync();
        var login = new LoginPage(page);

        await login.SignInWithProviderAsync(Provider);

        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login$"));
        await Expect(login.Error).ToHaveTextAsync($"Error: {Provider} did not share a verified email address, so no account can be made for you.");
        await Expect(new AppBar(page).SignedInUser).ToHaveCountAsync(0);
        await using var db = App.CreateDbContext();
        Assert.Equal(0, await db.Users.CountAsync());
    }

    [ScenarioFact]
    public async Task Sign_in_refused_at_the_provider_returns_to_the_sign_in_page_with_a_message()
    {
        _provider.RefusesSignIn = true;
        var page = await NewPageAsync();
        var login = new LoginPage(page);

        await login.SignInWithProviderAsync(Provider);

        await Expect(page).ToHaveURLAsync(new Regex("/Account/Login$"));
        await Expect(login.Error).ToHaveTextAsync("Error: Signing in with the external provider did not complete. Please try again.");
        await Expect(new AppBar(page).SignedInUser).ToHaveCountAsync(0);
        await using var db = App.CreateDbContext();
        Assert.Equal(0, await db.Users.CountAsync());
    }

    private async Task<(string Id, GlobalRole Role)> AccountAsync(string email)
    {
        await using var db = App.CreateDbContext();
        var user = await db.Users.SingleAsync(u => u.Email == email);
        return (user.Id, user.GlobalRole);
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _provider.DisposeAsync();
    }
}
