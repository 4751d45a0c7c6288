using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AssistantPortal.E2E.Pages;

/// <summary>The assistant page's Access tab (SPEC §4): share with users, teams, organizations; public access.</summary>
public sealed class AccessTab(IPage page)
{
    public ILocator Users => page.GetByTestId("share-users");

    /// <summary>The row of a user grant in the "Share with users" list.</summary>
    public ILocator UserGrant(string userName) =>
        Users.GetByTestId("grant-row").Filter(new() { Has = page.GetByRole(AriaRole.Cell, new() { Name = userName, Exact = true }) });

    public async Task ShareWithUserAsync(string userName, string level)
    {
        var name = Users.GetByLabel("Username");
        await name.FillAsync(userName);
        await name.PressAsync("Escape"); // close the suggestions; the typed name is kept
        var accessType = Users.GetByLabel("Access type");
        await accessType.ClickAsync();
        await ChooseAsync(level);
        // The choice goes to the server asynchronously; Add must not overtake it. The select shows the
        // level once the server has rendered the new value.
        await Expect(accessType).ToContainTextAsync(level);
        await Users.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
        await Expect(UserGrant(userName)).ToBeVisibleAsync();
    }

    public async Task RemoveUserAsync(string userName)
    {
        await Users.GetByRole(AriaRole.Button, new() { Name = $"Remove access of {userName}" }).ClickAsync();
        await Expect(UserGrant(userName)).ToHaveCountAsync(0);
    }

    /// <summary>Picks an item in the open MudSelect popover.</summary>
    private async Task ChooseAsync(string text) =>
        await page.Locator(".mud-popover-open").GetByText(text, new() { Exact = true }).ClickAsync();
}
