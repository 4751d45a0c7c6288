using AssistantPortal.E2E.Infrastructure;
using Microsoft.Playwright;

namespace AssistantPortal.E2E.Pages;

/// <summary>/assistants/{id}: the assistant's name, the viewer's level and the tabs that level allows.</summary>
public sealed class AssistantPage(IPage page)
{
    public ILocator Name => page.GetByTestId("assistant-name");

    /// <summary>"Your access: …".</summary>
    public ILocator Level => page.GetByTestId("viewer-level");

    public ILocator Tab(string title) => page.GetByRole(AriaRole.Tab, new() { Name = title, Exact = true });

    /// <summary>The app's not-found page, which is also what a viewer without access sees.</summary>
    public ILocator NotFound => page.GetByRole(AriaRole.Heading, new() { Name = "Not found", Exact = true });

    /// <summary>Opens the assistant's address directly, as a typed or bookmarked link; returns the HTTP status.</summary>
    public async Task<int> GotoAsync(int id)
    {
        var response = await page.GotoAsync($"/assistants/{id}");
        await page.WaitForInteractiveAsync();
        return response?.Status ?? 0;
    }
}
