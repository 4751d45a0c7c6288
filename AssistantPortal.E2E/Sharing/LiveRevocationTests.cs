using AssistantPortal.Data;
using AssistantPortal.E2E.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace AssistantPortal.E2E.Sharing;

/// <summary>SPEC §2.1, last paragraph: removing a grant takes effect in a tab that is already open, without a reload.</summary>
[Collection(BrowserCollection.Name)]
public sealed class LiveRevocationTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    private const string Ana = "ana@e2e.test";
    private const string Vic = "vic@e2e.test";

    [ScenarioFact]
    public async Task Grant_removed_by_the_owner_takes_the_open_assistant_page_away_from_the_grantee_without_a_reload() =>
        await RemoveGrantWhileTheGranteesPageIsOpenAsync(new SharingWorld(App), () => NewPageAsync(), () => NewPageAsync());

    /// <summary>
    /// Ana shares with Vic (Read and write); Vic opens the assistant's Settings on the page <paramref name="vicPage"/>
    /// gives; Ana, on <paramref name="anaPage"/>, removes the grant; Vic's open page drops everything without navigating.
    /// </summary>
    internal static async Task RemoveGrantWhileTheGranteesPageIsOpenAsync(SharingWorld world, Func<Task<IPage>> vicPage, Func<Task<IPage>> anaPage)
    {
        var ana = await world.UserAsync(Ana);
        var vic = await world.UserAsync(Vic);
        var assistantId = await world.AssistantAsync(ana, "Helpdesk bot");
        await world.GrantAsync(assistantId, vic, AccessLevel.ReadWrite, ana);

        var vicTab = await SignIn.AsAsync(await vicPage(), Vic);
        var vicScreen = new AssistantScreen(vicTab);
        await vicScreen.GotoAsync(assistantId);
        await Expect(vicScreen.ViewerLevel).ToHaveTextAsync("Your access: Read and write");
        await vicScreen.OpenTabAsync("Settings");
        await Expect(vicScreen.SaveSettingsButton).ToBeVisibleAsync();
        await Expect(vicTab.GetByLabel("Name", new() { Exact = true })).ToBeEditableAsync();
        var navigations = 0;
        vicTab.FrameNavigated += (_, frame) => navigations += frame == vicTab.MainFrame ? 1 : 0;

        var anaTab = await SignIn.AsAsync(await anaPage(), Ana);
        var anaScreen = new AssistantScreen(anaTab);
        await anaScreen.GotoAsync(assistantId);
        await anaScreen.OpenTabAsync("Access");
        var access = new AccessTabScreen(anaTab);
        await Expect(access.Users.GetByTestId("grant-row")).ToContainTextAsync(Vic);
        await access.RemoveUserAsync(Vic);
        await Expect(access.Users.GetByTestId("grant-row")).ToHaveCountAsync(0);

        // Vic's open page drops everything within seconds (the spec asks for one; the machine is shared).
        var soon = new Microsoft.Playwright.LocatorAssertionsToBeVisibleOptions { Timeout = 5_000 };
        await Expect(vicScreen.NotFound).ToBeVisibleAsync(soon);
        await Expect(vicScreen.Tabs).ToHaveCountAsync(0);
        await Expect(vicScreen.SaveSettingsButton).ToHaveCountAsync(0);
        await Expect(vicScreen.Name).ToHaveCountAsync(0);
        Assert.Equal(0, navigations);
    }
}
