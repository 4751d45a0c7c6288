using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AssistantPortal.E2E.Pages;

/// <summary>The assistant page's API keys tab (SPEC §4.4).</summary>
public sealed class ApiKeysTab(IPage page)
{
    public ILocator NewKeyPanel => page.GetByTestId("new-key");

    public ILocator Row(string name) =>
        page.GetByTestId("key-row").Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = name, Exact = true }) });

    /// <summary>Generates a key and returns the secret from the one-time panel.</summary>
    public async Task<string> GenerateAsync(string name, string accessType)
    {
        await page.Locator("input[data-testid='key-name'], [data-testid='key-name'] input").FillAsync(name);
        await page.GetByRole(AriaRole.Radio, new() { Name = accessType, Exact = true }).CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate", Exact = true }).ClickAsync();
        await Expect(NewKeyPanel).ToBeVisibleAsync();
        var secret = await NewKeyPanel.Locator("input").InputValueAsync();
        await Expect(Row(name)).ToBeVisibleAsync();
        return secret;
    }

    /// <summary>Deletes a key after confirming, and waits until it has left the list.</summary>
    public async Task DeleteAsync(string name)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"Delete key {name}", Exact = true }).ClickAsync();
        await page.GetByTestId("confirm-delete").GetByRole(AriaRole.Button, new() { Name = "Delete key", Exact = true }).ClickAsync();
        await Expect(Row(name)).ToHaveCountAsync(0);
    }
}
