using AssistantPortal.Data;
using AssistantPortal.E2E.Infrastructure;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace AssistantPortal.E2E.Sharing;

/// <summary>
/// SPEC §11: two instances of the app on one PostgreSQL database, as behind a load balancer with sticky sessions.
/// The grantee's tab is open on one instance, the owner removes the grant on the other, and the grantee's tab
/// still loses the assistant at once (the event crosses through PostgreSQL LISTEN/NOTIFY). The grantee's cookie
/// is also read by both instances (the key ring is in the database).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class TwoInstanceRevocationTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    private const string Ana = "ana@e2e.test";
    private const string Vic = "vic@e2e.test";

    private E2EPostgres _database = null!;
    private KestrelAppFactory _second = null!;

    public override async Task InitializeAsync()
    {
        _database = await E2EPostgres.CreateAsync();
        await base.InitializeAsync();
        _second = new KestrelAppFactory();
        ConfigureApp(_second);
        _second.StartServer();
    }

    protected override void ConfigureApp(KestrelAppFactory app)
    {
        app.Settings["Database:Provider"] = "PostgreSql";
        app.Settings["ConnectionStrings:DefaultConnection"] = _database.ConnectionString;
    }

    public override async Task DisposeAsync()
    {
        await base.DisposeAsync();
        await _second.DisposeAsync();
        await _database.DisposeAsync();
    }

    [ScenarioFact]
    public async Task Grant_removed_on_one_instance_takes_the_assistant_away_from_a_tab_open_on_the_other()
    {
        var world = new SharingWorld(App);
        var ana = await world.UserAsync(Ana);
        var vic = await world.UserAsync(Vic);
        var assistantId = await world.AssistantAsync(ana, "Helpdesk bot");
        await world.GrantAsync(assistantId, vic, AccessLevel.ReadWrite, ana);

        // Vic on the second instance, Ana on the first.
        var vicPage = await SignIn.AsAsync(await NewPageAsync(_second.BaseUrl), Vic);
        var vicScreen = new AssistantScreen(vicPage);
        await vicScreen.GotoAsync(assistantId);
        await Expect(vicScreen.ViewerLevel).ToHaveTextAsync("Your access: Read and write");
        await vicScreen.OpenTabAsync("Settings");
        await Expect(vicScreen.SaveSettingsButton).ToBeVisibleAsync();
        var navigations = 0;
        vicPage.FrameNavigated += (_, frame) => navigations += frame == vicPage.MainFrame ? 1 : 0;

        var anaPage = await SignIn.AsAsync(await NewPageAsync(), Ana);
        var anaScreen = new AssistantScreen(anaPage);
        await anaScreen.GotoAsync(assistantId);
        await anaScreen.OpenTabAsync("Access");
        var access = new AccessTabScreen(anaPage);
        await Expect(access.Users.GetByTestId("grant-row")).ToContainTextAsync(Vic);
        await access.RemoveUserAsync(Vic);
        await Expect(access.Users.GetByTestId("grant-row")).ToHaveCountAsync(0);

        var soon = new Microsoft.Playwright.LocatorAssertionsToBeVisibleOptions { Timeout = 5_000 };
        await Expect(vicScreen.NotFound).ToBeVisibleAsync(soon);
        await Expect(vicScreen.Tabs).ToHaveCountAsync(0);
        await Expect(vicScreen.SaveSettingsButton).ToHaveCountAsync(0);
        Assert.Equal(0, navigations);
    }
}
