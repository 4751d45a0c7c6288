using AssistantPortal.E2E.Infrastructure;
using AssistantPortal.E2E.Pages;
using Microsoft.Playwright;
using System.Text.RegularExpressions;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace AssistantPortal.E2E.Accounts;

/// <summary>Signing in and out with the Identity pages and the app bar.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SignInTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    private const string Email = "ana@e2e.test";

    [ScenarioFact]
    public async Task Sign_out_then_sign_in_again_shows_the_account_in_the_app_bar()
    {
        var ana = await RegisterAsync(Email);
        var appBar = new AppBar(ana.Page);

        await appBar.SignOutAsync();
        await Expect(appBar.SignInLink).ToBeVisibleAsync();
        await Expect(appBar.SignedInUser).ToHaveCountAsync(0);

        await new LoginPage(ana.Page).SignInAsync(Email, Password);
        await Expect(appBar.SignedInUser).ToHaveTextAsync(Email);
        await Expect(appBar.SignOutButton).ToBeVisibleAsync();
    }

    [ScenarioFact]
    public async Task Signed_out_visitor_asking_for_a_page_is_sent_to_sign_in_and_back()
    {
        await RegisterAsync(Email);
        var visitor = await NewPageAsync();

        await visitor.GotoAsync("/Account/Manage");
        await Expect(visitor).ToHaveURLAsync(new Regex("/Account/Login\\?ReturnUrl=%2FAccount%2FManage"));

        await new LoginPage(visitor).SubmitAsync(Email, Password);
        await Expect(visitor).ToHaveURLAsync(new Regex("/Account/Manage$"));
        await Expect(new AppBar(visitor).SignedInUser).ToHaveTextAsync(Email);
    }

    [ScenarioFact]
    public async Task Wrong_password_shows_invalid_login_attempt_and_stays_signed_out()
    {
        await RegisterAsync(Email);
        var visitor = await NewPageAsync();
        var login = new LoginPage(visitor);

        await login.SignInAsync(Email, "Wrong-passw0rd!");

        await Expect(login.Error).ToHaveTextAsync("Error: Invalid login attempt.");
        await Expect(visitor).ToHaveURLAsync(new Regex("/Account/Login"));
        await Expect(new AppBar(visitor).SignedInUser).ToHaveCountAsync(0);
    }

    [ScenarioFact]
    public async Task Five_wrong_passwords_lock_the_account_even_against_the_right_one()
    {
        await RegisterAsync(Email);
        var visitor = await NewPageAsync();
        var login = new LoginPage(visitor);

        for (var attempt = 1; attempt <= 4; attempt++)
        {
            await login.SignInAsync(Email, $"Wrong-passw0rd!{attempt}");
            await Expect(login.Error).ToHaveTextAsync("Error: Invalid login attempt.");
        }
        await login.SignInAsync(Email, "Wrong-passw0rd!5");
        await Expect(visitor).ToHaveURLAsync(new Regex("/Account/Lockout$"));
        await Expect(visitor.GetByRole(AriaRole.Alert)).ToContainTextAsync("This account has been locked out");

        await login.SignInAsync(Email, Password);
        await Expect(visitor).ToHaveURLAsync(new Regex("/Account/Lockout$"));
        await Expect(new AppBar(visitor).SignedInUser).ToHaveCountAsync(0);
    }
}
