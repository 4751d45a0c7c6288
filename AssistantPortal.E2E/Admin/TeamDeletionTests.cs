using AssistantPortal.Data;
using AssistantPortal.E2E.Infrastructure;
using AssistantPortal.E2E.Pages;
using AssistantPortal.E2E.Sharing;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace AssistantPortal.E2E.Admin;

/// <summary>
/// SPEC §9 and §2.1, last paragraph: a Global Admin deletes a team in the admin panel, and a member whose only
/// access came through the team loses the assistant page they have open, without a reload.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TeamDeletionTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    private const string Ana = "ana@e2e.test";
    private const string Vic = "vic@e2e.test";

    [ScenarioFact]
    public async Task Deleting_a_team_in_the_admin_panel_takes_the_open_assistant_page_away_from_its_member()
    {
        var world = new SharingWorld(App);
        var ana = await world.UserAsync(Ana);
        var vic = await world.UserAsync(Vic);
        var contoso = await world.OrganizationAsync("Contoso", (ana, OrganizationRole.Member), (vic, OrganizationRole.Member));
        var support = await world.TeamAsync(contoso, "Support", (vic, TeamRole.Viewer));
        var assistantId = await world.AssistantAsync(ana, "Helpdesk bot");
        await using (var db = App.CreateDbContext())
        {
            db.AssistantTeamGrants.Add(new AssistantTeamGrant
            {
                AssistantId = assistantId, TeamId = support, Level = AccessLevel.ReadWrite, GrantedByUserId = ana, GrantedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        var vicPage = await SignIn.AsAsync(await NewPageAsync(), Vic);
        var vicScreen = new AssistantScreen(vicPage);
        await vicScreen.GotoAsync(assistantId);
        await Expect(vicScreen.ViewerLevel).ToHaveTextAsync("Your access: Read and write");
        var navigations = 0;
        vicPage.FrameNavigated += (_, frame) => navigations += frame == vicPage.MainFrame ? 1 : 0;

        // SharingWorld's first account is the installation's Global Admin.
        var adminPage = await SignIn.AsAsync(await NewPageAsync(), "first-admin@e2e.test");
        var groups = new AdminGroupsPage(adminPage);
        await groups.GotoAsync();
        await groups.OpenTeamsAsync();
        await Expect(groups.TeamNames).ToHaveTextAsync(["Support"]);
        await groups.DeleteTeamAsync("Support", "Contoso");
        await Expect(groups.TeamNames).ToHaveCountAsync(0);

        var soon = new Microsoft.Playwright.LocatorAssertionsToBeVisibleOptions { Timeout = 5_000 };
        await Expect(vicScreen.NotFound).ToBeVisibleAsync(soon);
        await Expect(vicScreen.Name).ToHaveCountAsync(0);
        Assert.Equal(0, navigations);
        await using var check = App.CreateDbContext();
        Assert.True(check.Assistants.Any(a => a.Id == assistantId));
        Assert.True(check.Users.Any(u => u.Id == vic));
    }
}
