using AssistantPortal.E2E.Infrastructure;
using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AssistantPortal.E2E.Pages;

/// <summary>The navigation's Admin group: the admin sections the viewer's current role opens.</summary>
public sealed class AdminNav(IPage page)
{
    public ILocator Group => page.GetByTestId("admin-nav");

    public ILocator Links => Group.GetByRole(AriaRole.Link);
}

/// <summary>/admin/users: search, change a global role, lock and unlock (SPEC §9).</summary>
public sealed class UsersAdminPage(IPage page)
{
    public Task GotoAsync() => page.GotoInteractiveAsync("/admin/users");

    /// <summary>The table row of the account with <paramref name="email"/>.</summary>
    public ILocator Row(string email) =>
        page.GetByTestId("users-table").Locator("tbody tr").Filter(new() { Has = page.GetByTestId("user-email").GetByText(email, new() { Exact = true }) });

    public ILocator Snackbar => page.Locator(".mud-snackbar");

    /// <summary>Picks <paramref name="role"/> in the row's role select and waits for the server's confirmation.</summary>
    public async Task ChangeRoleAsync(string email, string role)
    {
        await Row(email).GetByTestId("user-role").Locator(".mud-select .mud-input-control").ClickAsync();
        await page.Locator(".mud-popover-open").GetByText(role, new() { Exact = true }).ClickAsync();
        await Expect(Snackbar.Filter(new() { HasText = $"{email} is now {role}." })).ToBeVisibleAsync();
    }

    /// <summary>Locks the account and waits until the row shows it locked.</summary>
    public async Task LockAsync(string email)
    {
        await Row(email).GetByRole(AriaRole.Button, new() { Name = $"Lock {email}", Exact = true }).ClickAsync();
        await Expect(Row(email).GetByTestId("user-status")).ToHaveTextAsync("Locked");
    }
}

/// <summary>/teams and a team's page: create a team, add a member.</summary>
public sealed class TeamsPages(IPage page)
{
    public ILocator TeamRow(string name) =>
        page.Locator("tbody tr").Filter(new() { Has = page.GetByRole(AriaRole.Link, new() { Name = name, Exact = true }) });

    /// <summary>Creates a team in the only organization offered (the page preselects it).</summary>
    public async Task CreateTeamAsync(string name)
    {
        await page.GetByLabel("Team name", new() { Exact = true }).FillAsync(name);
        await page.GetByRole(AriaRole.Button, new() { Name = "Create team", Exact = true }).ClickAsync();
        await Expect(TeamRow(name)).ToBeVisibleAsync();
    }

    public async Task AddMemberAsync(string userName)
    {
        var user = page.GetByLabel("User", new() { Exact = true });
        await user.FillAsync(userName);
        await user.PressAsync("Escape"); // close the suggestions; the typed name is kept
        await page.GetByRole(AriaRole.Button, new() { Name = "Add member", Exact = true }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Button, new() { Name = $"Remove {userName}", Exact = true })).ToBeVisibleAsync();
    }
}
