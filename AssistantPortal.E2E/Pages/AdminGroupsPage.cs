using System.Text.RegularExpressions;
using AssistantPortal.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AssistantPortal.E2E.Pages;

/// <summary>/admin/groups: every organization and team, for Global Admins; the chosen row's page opens below the list.</summary>
public sealed class AdminGroupsPage(IPage page)
{
    public ILocator TeamNames => page.GetByTestId("teams-table").Locator("tbody tr td:first-child");

    public Task GotoAsync() => page.GotoInteractiveAsync("/admin/groups");

    public async Task OpenTeamsAsync()
    {
        await page.Locator(".mud-tab").Filter(new() { HasTextRegex = new Regex(@"^\s*Teams\s*$") }).ClickAsync();
        await Expect(page.GetByTestId("teams-table")).ToBeVisibleAsync();
    }

    /// <summary>Opens the team's page below the list, deletes the team there and confirms.</summary>
    public async Task DeleteTeamAsync(string team, string organization)
    {
        await page.GetByRole(AriaRole.Button, new() { Name = $"Manage {team} ({organization})", Exact = true }).ClickAsync();
        var selected = page.GetByTestId("selected-group");
        await Expect(selected.GetByRole(AriaRole.Heading, new() { Name = team, Exact = true })).ToBeVisibleAsync();
        await selected.GetByRole(AriaRole.Button, new() { Name = "Delete team", Exact = true }).ClickAsync();
        await selected.GetByRole(AriaRole.Button, new() { Name = "Delete permanently", Exact = true }).ClickAsync();
        await Expect(selected).ToHaveCountAsync(0);
    }
}
