using Microsoft.Playwright;

namespace AssistantPortal.E2E.Pages;

/// <summary>/Account/Login (static server-rendered: the form posts, the server answers with a new page).</summary>
public sealed class LoginPage(IPage page)
{
    /// <summary>The status message above the form, e.g. "Error: Invalid login attempt.".</summary>
    public ILocator Error => page.Locator(".alert-danger[role=alert]");

    public async Task GotoAsync() => await page.GotoAsync("/Account/Login");

    /// <summary>Fills and submits the form; the caller asserts where it landed.</summary>
    public async Task SubmitAsync(string email, string password)
    {
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Log in", Exact = true }).ClickAsync();
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded);
    }

    /// <summary>The button of an external provider (single sign-on), labelled with its display name.</summary>
    public ILocator ProviderButton(string displayName) =>
        page.GetByRole(AriaRole.Button, new() { Name = displayName, Exact = true });

    /// <summary>
    /// Clicks the provider's button and waits until the round trip has landed (app, provider, its
    /// auto-submitted answer, the app's callback and redirects): a minute, as two servers share two busy cores.
    /// </summary>
    public async Task ClickProviderAsync(string displayName)
    {
        await ProviderButton(displayName).ClickAsync(new() { Timeout = 60_000 });
        await page.WaitForLoadStateAsync(LoadState.DOMContentLoaded, new() { Timeout = 60_000 });
    }

    /// <summary>Opens the page and signs in through the provider; the caller asserts where it landed.</summary>
    public async Task SignInWithProviderAsync(string displayName)
    {
        await GotoAsync();
        await ClickProviderAsync(displayName);
    }

    public async Task SignInAsync(string email, string password)
    {
        await GotoAsync();
        await SubmitAsync(email, password);
    }
}
