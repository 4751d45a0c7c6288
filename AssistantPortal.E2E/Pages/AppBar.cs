using AssistantPortal.E2E.Infrastructure;
using Microsoft.Playwright;

namespace AssistantPortal.E2E.Pages;

/// <summary>The top bar of every page (MainLayout): who is signed in, sign in/out, the dark-mode toggle.</summary>
public sealed class AppBar(IPage page)
{
    public ILocator SignedInUser => page.GetByTestId("signed-in-user");

    public ILocator SignInLink => page.Locator("header").GetByRole(AriaRole.Link, new() { Name = "Sign in", Exact = true });

    public ILocator SignOutButton => page.GetByRole(AriaRole.Button, new() { Name = "Sign out", Exact = true });

    public ILocator DarkModeToggle => page.GetByRole(AriaRole.Button, new() { Name = "Toggle dark mode" });

    /// <summary>
    /// Signs out with the app bar's button (a plain form post, works on static and interactive pages),
    /// once an interactive page's circuit has taken over the prerendered button.
    /// </summary>
    public async Task SignOutAsync()
    {
        await page.WaitForSettledAsync();
        await SignOutButton.ClickAsync();
    }

    /// <summary>The page's background colour as the browser computed it, e.g. "rgb(255, 255, 255)".</summary>
    public async Task<string> BackgroundColorAsync() =>
        await page.EvaluateAsync<string>("() => getComputedStyle(document.body).backgroundColor");
}
