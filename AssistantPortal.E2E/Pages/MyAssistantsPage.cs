using System.Text.RegularExpressions;
using AssistantPortal.E2E.Infrastructure;
using Microsoft.Playwright;

namespace AssistantPortal.E2E.Pages;

/// <summary>/assistants: every assistant the viewer can see, in a server-paged table.</summary>
public sealed class MyAssistantsPage(IPage page)
{
    public ILocator Table => page.GetByTestId("assistant-list");

    /// <summary>"N assistants" under the table (the total over all pages).</summary>
    public ILocator Count => page.GetByTestId("assistant-count");

    /// <summary>The table row of the assistant with this exact name.</summary>
    public ILocator Row(string name) =>
        Table.Locator("tbody tr").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }) });

    /// <summary>The names of the assistants on the current page of the table.</summary>
    public async Task<IReadOnlyList<string>> NamesAsync() =>
        await Table.Locator("tbody tr a").AllInnerTextsAsync();

    public async Task GotoAsync()
    {
        await page.GotoInteractiveAsync("/assistants");
    }

    public async Task<NewAssistantPage> NewAssistantAsync()
    {
        await page.GetByRole(AriaRole.Link, new() { Name = "New assistant" }).First.ClickAsync();
        await page.WaitForURLAsync(new Regex("/assistants/new$"), new() { WaitUntil = WaitUntilState.Commit });
        return new NewAssistantPage(page);
    }

    public async Task<AssistantPage> OpenAsync(string name)
    {
        await Row(name).GetByRole(AriaRole.Link, new() { Name = name, Exact = true }).ClickAsync();
        var assistant = new AssistantPage(page);
        await Microsoft.Playwright.Assertions.Expect(assistant.Name).ToHaveTextAsync(name);
        return assistant;
    }
}
