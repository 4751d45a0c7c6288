using System.Text.RegularExpressions;
using AssistantPortal.E2E.Infrastructure;
using AssistantPortal.E2E.Pages;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AssistantPortal.E2E.Sharing;

/// <summary>/assistants/{id}: the header with the viewer's level and the tabs (SPEC §4.6).</summary>
public sealed class AssistantScreen(IPage page)
{
    public ILocator Name => page.GetByTestId("assistant-name");

    /// <summary>The chip "Your access: …".</summary>
    public ILocator ViewerLevel => page.GetByTestId("viewer-level");

    public ILocator Tabs => page.GetByTestId("assistant-tabs");

    /// <summary>A tab header by its exact title ("Settings", "Access", "API keys", …).</summary>
    public ILocator Tab(string title) =>
        page.Locator(".mud-tab").Filter(new() { HasTextRegex = new Regex("^\\s*" + Regex.Escape(title) + "\\s*$") });

    /// <summary>The app's not-found page, which is also what a viewer without access sees.</summary>
    public ILocator NotFound => page.GetByRole(AriaRole.Heading, new() { Name = "Not found", Exact = true });

    public ILocator SaveSettingsButton => page.GetByRole(AriaRole.Button, new() { Name = "Save settings", Exact = true });

    public async Task GotoAsync(int id)
    {
        await page.GotoInteractiveAsync($"/assistants/{id}");
        await Expect(Name).ToBeVisibleAsync();
    }

    public async Task OpenTabAsync(string title) => await Tab(title).ClickAsync();
}

/// <summary>The Access tab's sections (Features/Sharing).</summary>
public sealed class AccessTabScreen(IPage page)
{
    public ILocator Users => page.GetByTestId("share-users");

    public ILocator Teams => page.GetByTestId("share-teams");

    public ILocator PendingTeamRequests => Teams.GetByTestId("pending-row");

    /// <summary>Types a team's name in "Share with a team", keeps the default access type (Use only), presses Add.</summary>
    public async Task ShareWithTeamAsync(string team)
    {
        var input = Teams.GetByLabel("Team", new() { Exact = true });
        await input.FillAsync(team);
        await input.PressAsync("Tab");
        await Teams.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
    }

    /// <summary>Types a user name in "Share with users", keeps the default access type (Use only), presses Add.</summary>
    public async Task ShareWithUserAsync(string userName)
    {
        var input = Users.GetByLabel("Username", new() { Exact = true });
        await input.FillAsync(userName);
        await input.PressAsync("Tab");
        await Users.GetByRole(AriaRole.Button, new() { Name = "Add", Exact = true }).ClickAsync();
    }

    public async Task RemoveUserAsync(string userName) =>
        await Users.GetByRole(AriaRole.Button, new() { Name = $"Remove access of {userName}", Exact = true }).ClickAsync();
}

/// <summary>/inbox: share requests the viewer may decide (SPEC §7).</summary>
public sealed class InboxScreen(IPage page)
{
    public ILocator Rows => page.GetByTestId("inbox").Locator("tbody tr");

    public ILocator Empty => page.GetByTestId("inbox-empty");

    public Task GotoAsync() => page.GotoInteractiveAsync("/inbox");

    public ILocator ApproveButton(string assistant) =>
        page.GetByRole(AriaRole.Button, new() { NameRegex = new Regex("^Approve sharing " + Regex.Escape(assistant) + " with ") });
}

/// <summary>The app bar's bell and the /notifications page (SPEC §6).</summary>
public sealed class NotificationsScreen(IPage page)
{
    public ILocator Bell => page.GetByTestId("notification-bell");

    public ILocator Messages => page.GetByTestId("notification-message");

    public ILocator Summary => page.GetByTestId("notifications-summary");

    public Task GotoAsync() => page.GotoInteractiveAsync("/notifications");
}

/// <summary>/assistants: the assistants the viewer can see.</summary>
public sealed class MyAssistantsScreen(IPage page)
{
    public ILocator List => page.GetByTestId("assistant-list");

    public ILocator Link(string name) => List.GetByRole(AriaRole.Link, new() { Name = name, Exact = true });

    public Task GotoAsync() => page.GotoInteractiveAsync("/assistants");
}

/// <summary>Signing in a person the test arranged in the database.</summary>
public static class SignIn
{
    public static async Task<IPage> AsAsync(IPage page, string email)
    {
        await new LoginPage(page).SignInAsync(email, BrowserTest.Password);
        await Expect(new AppBar(page).SignedInUser).ToHaveTextAsync(email);
        return page;
    }
}
