using System.Globalization;
using System.Text.RegularExpressions;
using AssistantPortal.E2E.Infrastructure;
using Microsoft.Playwright;

namespace AssistantPortal.E2E.Pages;

/// <summary>/assistants/new: name, description, optional project; creating opens the new assistant's page.</summary>
public sealed class NewAssistantPage(IPage page)
{
    private static readonly Regex AssistantAddress = new(@"/assistants/(\d+)$");

    public ILocator Name => page.Locator("#new-assistant-name");

    public ILocator Description => page.Locator("#new-assistant-description");

    public ILocator CreateButton => page.GetByRole(AriaRole.Button, new() { Name = "Create assistant" });

    public async Task GotoAsync()
    {
        await page.GotoInteractiveAsync("/assistants/new");
    }

    /// <summary>Creates the assistant and returns its id, read from the address of the page it opens.</summary>
    public async Task<int> CreateAsync(string name, string? description = null)
    {
        await page.WaitForInteractiveAsync();
        await Name.FillAsync(name);
        if (description is not null)
        {
            await Description.FillAsync(description);
        }
        await CreateButton.ClickAsync();
        // Blazor navigates inside the circuit (history.pushState): no "load" event follows, so wait for the address only.
        await page.WaitForURLAsync(AssistantAddress, new() { WaitUntil = WaitUntilState.Commit });
        await Microsoft.Playwright.Assertions.Expect(new AssistantPage(page).Name).ToHaveTextAsync(name);
        return int.Parse(AssistantAddress.Match(page.Url).Groups[1].Value, CultureInfo.InvariantCulture);
    }
}
