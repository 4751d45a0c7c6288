using AssistantPortal.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AssistantPortal.E2E.Pages;

/// <summary>/Account/Register (a static server-rendered Identity page: no circuit to wait for).</summary>
public sealed class RegisterPage(IPage page)
{
    public async Task GotoAsync() => await page.GotoAsync("/Account/Register");

    /// <summary>
    /// Registers and waits until the app bar shows the new account as signed in and the page it
    /// landed on (My assistants, interactive) has its circuit.
    /// </summary>
    public async Task RegisterAsync(string email, string password)
    {
        await GotoAsync();
        await page.GetByLabel("Email", new() { Exact = true }).FillAsync(email);
        await page.GetByLabel("Password", new() { Exact = true }).FillAsync(password);
        await page.GetByLabel("Confirm Password", new() { Exact = true }).FillAsync(password);
        await page.GetByRole(AriaRole.Button, new() { Name = "Register", Exact = true }).ClickAsync();
        await Expect(new AppBar(page).SignedInUser).ToHaveTextAsync(email);
        await page.WaitForSettledAsync();
    }
}
