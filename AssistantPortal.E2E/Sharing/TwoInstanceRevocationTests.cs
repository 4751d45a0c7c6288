using AssistantPortal.E2E.Infrastructure;
using Xunit.Abstractions;

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
    public async Task Grant_removed_on_one_instance_takes_the_assistant_away_from_a_tab_open_on_the_other() =>
        // Vic on the second instance, Ana on the first.
        await LiveRevocationTests.RemoveGrantWhileTheGranteesPageIsOpenAsync(
            new SharingWorld(App), () => NewPageAsync(_second.BaseUrl), () => NewPageAsync());
}
