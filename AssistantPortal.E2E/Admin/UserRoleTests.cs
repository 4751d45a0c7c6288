using System.Text.RegularExpressions;
using AssistantPortal.Data;
using AssistantPortal.E2E.Infrastructure;
using AssistantPortal.E2E.Pages;
using AssistantPortal.E2E.Sharing;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace AssistantPortal.E2E.Admin;

/// <summary>
/// SPEC §3 and §9 in a real browser: a Global Admin promotes someone on /admin/users, and that person's tab, open
/// all along, follows at once: the Admin navigation appears with the Application Admin's sections, and they may
/// create a team (becoming its owner) and manage its members, but the Global Admin's sections stay not-found.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class UserRoleTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    private const string Gina = "gina@e2e.test";
    private const string Adam = "adam@e2e.test";
    private const string Mia = "mia@e2e.test";

    [ScenarioFact]
    public async Task Promoted_to_Application_Admin_the_open_tab_gets_the_admin_navigation_and_team_creation_but_not_the_global_admin_sections()
    {
        var world = new SharingWorld(App);
        // SharingWorld makes a placeholder first account (the Global Admin of a fresh installation); Gina is made one by it below.
        var adam = await world.UserAsync(Adam);
        var mia = await world.UserAsync(Mia);
        await world.OrganizationAsync("Acme", (adam, OrganizationRole.Member), (mia, OrganizationRole.Member));
        await world.UserAsync(Gina);
        await using (var db = App.CreateDbContext())
        {
            var gina = db.Users.Single(u => u.Email == Gina);
            gina.GlobalRole = GlobalRole.GlobalAdmin;
            await db.SaveChangesAsync();
        }

        var adamPage = await SignIn.AsAsync(await NewPageAsync(), Adam);
        await adamPage.GotoInteractiveAsync("/teams");
        var adamNav = new AdminNav(adamPage);
        await Expect(adamPage.GetByRole(AriaRole.Heading, new() { Name = "Teams", Exact = true })).ToBeVisibleAsync();
        await Expect(adamNav.Group).ToHaveCountAsync(0);
        await Expect(adamPage.GetByRole(AriaRole.Button, new() { Name = "Create team" })).ToHaveCountAsync(0);
        // Adam moves on inside the app and stays there; from now on the tab is never reloaded.
        await adamPage.GetByRole(AriaRole.Link, new() { Name = "My assistants", Exact = true }).ClickAsync();
        await Expect(adamPage).ToHaveURLAsync(new Regex("/assistants$"));
        var navigations = 0;
        adamPage.FrameNavigated += (_, frame) => navigations += frame == adamPage.MainFrame ? 1 : 0;

        var ginaPage = await SignIn.AsAsync(await NewPageAsync(), Gina);
        var users = new UsersAdminPage(ginaPage);
        await users.GotoAsync();
        await users.ChangeRoleAsync(Adam, "Application Admin");

        // Adam's open tab follows without a reload: the navigation gains exactly the Application Admin's sections.
        await Expect(adamNav.Links).ToHaveTextAsync(["Overview", "Analytics", "Users", "Aliases"]);
        Assert.Equal(0, navigations);

        // Back on /teams (in the same circuit), the page offers team creation now.
        await adamPage.GetByRole(AriaRole.Link, new() { Name = "Teams", Exact = true }).ClickAsync();
        var teams = new TeamsPages(adamPage);
        await teams.CreateTeamAsync("Support");
        await Expect(teams.TeamRow("Support")).ToContainTextAsync("Team Owner");

        await teams.TeamRow("Support").GetByRole(AriaRole.Link, new() { Name = "Support", Exact = true }).ClickAsync();
        await Expect(adamPage).ToHaveURLAsync(TeamAddress());
        await teams.AddMemberAsync(Mia);

        await adamPage.GotoAsync("/admin/chat-logs");
        await Expect(adamPage.GetByRole(AriaRole.Heading, new() { Name = "Not found", Exact = true })).ToBeVisibleAsync();
        await Expect(new AdminNav(adamPage).Links).ToHaveTextAsync(["Overview", "Analytics", "Users", "Aliases"]);
    }

    [ScenarioFact]
    public async Task Locked_by_an_admin_the_open_tab_is_signed_out_and_signing_in_again_is_refused()
    {
        var world = new SharingWorld(App);
        await world.UserAsync(Mia);
        await world.UserAsync(Adam);
        await using (var db = App.CreateDbContext())
        {
            db.Users.Single(u => u.Email == Adam).GlobalRole = GlobalRole.ApplicationAdmin;
            await db.SaveChangesAsync();
        }
        var miaPage = await SignIn.AsAsync(await NewPageAsync(), Mia);
        await miaPage.GotoInteractiveAsync("/teams");
        var miaBar = new AppBar(miaPage);
        await Expect(miaBar.SignedInUser).ToHaveTextAsync(Mia);

        var adamPage = await SignIn.AsAsync(await NewPageAsync(), Adam);
        var users = new UsersAdminPage(adamPage);
        await users.GotoAsync();
        await users.LockAsync(Mia);

        // Mia's open tab is signed out at once and sent to sign in; her cookie no longer counts.
        await Expect(miaPage).ToHaveURLAsync(new Regex("/Account/Login"));
        await Expect(miaBar.SignInLink).ToBeVisibleAsync();
        await Expect(miaBar.SignedInUser).ToHaveCountAsync(0);
        await new LoginPage(miaPage).SubmitAsync(Mia, Password);
        await Expect(miaPage).ToHaveURLAsync(new Regex("/Account/Lockout$"));
    }

    [GeneratedRegex("/teams/\\d+$")]
    private static partial Regex TeamAddress();
}
