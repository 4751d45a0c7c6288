using System.Diagnostics;
using AssistantPortal.Data;
using AssistantPortal.E2E.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace AssistantPortal.E2E.Sharing;

/// <summary>SPEC §6: mail written while the SMTP server is down waits in the outbox and goes out, once each, when it is back.</summary>
[Collection(BrowserCollection.Name)]
public sealed class OutboxTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    private const string Ana = "ana@e2e.test";   // owns the assistant and Team Owner of Support: her shares are immediate
    private const string Bo = "bo@e2e.test";
    private const string Tom = "tom@e2e.test";
    private const string Vic = "vic@e2e.test";

    protected override bool UsesSmtp => true;

    /// <summary>Short back-off so the sender knocks again within seconds of the server's return (EmailOptions).</summary>
    protected override void ConfigureApp(KestrelAppFactory app)
    {
        app.Settings["Email:BackOffBase"] = "00:00:01";
        app.Settings["Email:MaxServerBackOff"] = "00:00:01";
        app.Settings["Email:PollInterval"] = "00:00:02";
        app.Settings["Email:Smtp:Timeout"] = "00:00:05";
    }

    [ScenarioFact]
    public async Task Mail_of_shares_made_while_the_smtp_server_is_down_waits_and_arrives_exactly_once_when_it_is_back()
    {
        var world = new SharingWorld(App);
        var ana = await world.UserAsync(Ana);
        await world.UserAsync(Bo);
        var tom = await world.UserAsync(Tom);
        var vic = await world.UserAsync(Vic);
        var contoso = await world.OrganizationAsync("Contoso",
            (ana, OrganizationRole.Member), (tom, OrganizationRole.Member), (vic, OrganizationRole.Member));
        await world.TeamAsync(contoso, "Support", (ana, TeamRole.Owner), (tom, TeamRole.Viewer), (vic, TeamRole.Viewer));
        var assistantId = await world.AssistantAsync(ana, "Helpdesk bot");
        await Smtp.StopAsync();

        var page = await SignIn.AsAsync(await NewPageAsync(), Ana);
        var screen = new AssistantScreen(page);
        await screen.GotoAsync(assistantId);
        await screen.OpenTabAsync("Access");
        var access = new AccessTabScreen(page);
        await access.ShareWithUserAsync(Bo);
        await Expect(access.Users.GetByTestId("grant-row")).ToContainTextAsync(Bo);
        await access.ShareWithTeamAsync("Support");
        await Expect(access.Teams.GetByTestId("grant-row")).ToContainTextAsync("Support");

        string[] recipients = [Bo, Tom, Vic];
        // The sender has tried and found the server down: every message waits, with the failure recorded.
        await WaitUntilAsync("every message to have failed once and to wait", async () =>
        {
            await using var db = App.CreateDbContext();
            var mail = await db.OutboxMessages.AsNoTracking().ToListAsync();
            return mail.Count == recipients.Length
                && mail.All(m => m.Status == OutboxStatus.Waiting && m.Attempts >= 1 && m.LastError is not null);
        });
        Assert.Empty(Smtp.Messages());

        await Smtp.StartAsync();
        foreach (var to in recipients)
        {
            await Smtp.WaitForMessageAsync(m => m.To.Mailboxes.Any(b => b.Address == to));
        }
        await WaitUntilAsync("every message to be marked sent", async () =>
        {
            await using var db = App.CreateDbContext();
            return await db.OutboxMessages.AllAsync(m => m.Status == OutboxStatus.Sent);
        });
        // Everything is marked sent, so nothing more will go out: what arrived is final.
        var arrived = Smtp.Messages().Select(m => m.To.Mailboxes.Single().Address).Order(StringComparer.Ordinal).ToList();
        Assert.Equal(recipients, arrived);
        Assert.All(Smtp.Messages(), m => Assert.Contains("\"Helpdesk bot\"", m.Subject));
    }

    /// <summary>Polls the database until <paramref name="condition"/> holds (a wait for a condition, not a fixed sleep).</summary>
    private static async Task WaitUntilAsync(string what, Func<Task<bool>> condition, int seconds = 30)
    {
        var clock = Stopwatch.StartNew();
        using var poll = new PeriodicTimer(TimeSpan.FromMilliseconds(200));
        while (!await condition())
        {
            if (clock.Elapsed > TimeSpan.FromSeconds(seconds))
            {
                throw new TimeoutException($"Waited {seconds} s for {what}.");
            }
            await poll.WaitForNextTickAsync();
        }
    }
}
