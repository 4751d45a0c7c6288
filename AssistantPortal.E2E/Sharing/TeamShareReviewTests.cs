using AssistantPortal.Data;
using AssistantPortal.E2E.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace AssistantPortal.E2E.Sharing;

/// <summary>
/// SPEC §4.2, §6, §7: a member who is no approver shares with a team; the request waits for the team owner,
/// who is mailed, approves in the Inbox; then the team's members see the assistant, are notified and mailed.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TeamShareReviewTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    private const string Assistant = "Helpdesk bot";
    private const string Ana = "ana@e2e.test";   // owns the assistant; a plain member of Contoso
    private const string Tom = "tom@e2e.test";   // Team Owner of Support
    private const string Vic = "vic@e2e.test";   // Team Viewer of Support

    protected override bool UsesSmtp => true;

    [ScenarioFact]
    public async Task Member_shares_with_a_team_owner_approves_in_the_inbox_then_the_team_sees_it_is_notified_and_mailed()
    {
        var world = new SharingWorld(App);
        var ana = await world.UserAsync(Ana);
        var tom = await world.UserAsync(Tom);
        var vic = await world.UserAsync(Vic);
        var contoso = await world.OrganizationAsync("Contoso",
            (ana, OrganizationRole.Member), (tom, OrganizationRole.Member), (vic, OrganizationRole.Member));
        await world.TeamAsync(contoso, "Support", (tom, TeamRole.Owner), (vic, TeamRole.Viewer));
        var assistantId = await world.AssistantAsync(ana, Assistant);

        // Ana asks to share: she is no approver of Support, so it waits for review.
        var anaPage = await SignIn.AsAsync(await NewPageAsync(), Ana);
        var screen = new AssistantScreen(anaPage);
        await screen.GotoAsync(assistantId);
        await screen.OpenTabAsync("Access");
        var access = new AccessTabScreen(anaPage);
        await access.ShareWithTeamAsync("Support");
        await Expect(access.PendingTeamRequests).ToHaveCountAsync(1);
        await Expect(access.PendingTeamRequests).ToContainTextAsync("Support");
        await Expect(access.PendingTeamRequests).ToContainTextAsync("Pending review");

        var review = await Smtp.WaitForMessageAsync(m => m.To.Mailboxes.Any(b => b.Address == Tom));
        Assert.StartsWith($"Review requested: share \"{Assistant}\"", review.Subject);
        Assert.Contains("Support", review.Subject);
        Assert.Equal(Tom, Assert.Single(review.To.Mailboxes).Address);

        // Nothing is granted while the request waits.
        var vicPage = await SignIn.AsAsync(await NewPageAsync(), Vic);
        var vicList = new MyAssistantsScreen(vicPage);
        await vicList.GotoAsync();
        await Expect(vicPage.GetByTestId("assistants-empty")).ToBeVisibleAsync();

        // Tom approves in his Inbox.
        var tomPage = await SignIn.AsAsync(await NewPageAsync(), Tom);
        var inbox = new InboxScreen(tomPage);
        await inbox.GotoAsync();
        await Expect(inbox.Rows).ToHaveCountAsync(1);
        await Expect(inbox.Rows).ToContainTextAsync(Ana);
        await inbox.ApproveButton(Assistant).ClickAsync();
        await Expect(inbox.Empty).ToBeVisibleAsync();

        // Vic: the badge counts the new notification live, the page lists it, the list shows the assistant.
        var vicNotifications = new NotificationsScreen(vicPage);
        await Expect(vicNotifications.Bell).ToHaveAttributeAsync("aria-label", "Notifications, 1 unread");
        await vicNotifications.GotoAsync();
        await Expect(vicNotifications.Messages).ToHaveCountAsync(1);
        await Expect(vicNotifications.Messages).ToContainTextAsync($"\"{Assistant}\"");
        await vicList.GotoAsync();
        await Expect(vicList.Link(Assistant)).ToBeVisibleAsync();

        var shared = await Smtp.WaitForMessageAsync(m => m.To.Mailboxes.Any(b => b.Address == Vic));
        Assert.Contains($"\"{Assistant}\"", shared.Subject);
        Assert.Contains("Support", shared.Subject);
        Assert.Equal(Vic, Assert.Single(shared.To.Mailboxes).Address);
        // The requester is told the outcome (SPEC §4.2).
        var approved = await Smtp.WaitForMessageAsync(m => m.To.Mailboxes.Any(b => b.Address == Ana));
        Assert.StartsWith($"Approved: \"{Assistant}\"", approved.Subject);
        // Ana's Access tab no longer shows the request as pending: it became a team grant.
        await Expect(access.PendingTeamRequests).ToHaveCountAsync(0);
        await Expect(access.Teams.GetByTestId("grant-row")).ToContainTextAsync("Support");
    }
}
