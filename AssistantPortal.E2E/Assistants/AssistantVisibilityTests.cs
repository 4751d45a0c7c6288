using AssistantPortal.E2E.Infrastructure;
using AssistantPortal.E2E.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace AssistantPortal.E2E.Assistants;

/// <summary>
/// Issue 2, end to end: who sees a new assistant. Its owner and the Global Admin do; anyone else sees
/// neither a row in My assistants nor the assistant at its address (not found, as for an unknown id).
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class AssistantVisibilityTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    [ScenarioFact]
    public async Task New_assistant_is_seen_by_its_owner_and_the_global_admin_and_not_found_by_anyone_else()
    {
        var admin = await RegisterAsync("admin@e2e.test");   // first account: Global Admin
        var bo = await RegisterAsync("bo@e2e.test");

        var boList = new MyAssistantsPage(bo.Page);
        await boList.GotoAsync();
        var id = await (await boList.NewAssistantAsync()).CreateAsync("Helpdesk bot", "Answers questions about the VPN");
        await Expect(new AssistantPage(bo.Page).Level).ToHaveTextAsync("Your access: Owner");

        var adminList = new MyAssistantsPage(admin.Page);
        await adminList.GotoAsync();
        await Expect(adminList.Row("Helpdesk bot")).ToContainTextAsync("bo@e2e.test");
        var adminView = await adminList.OpenAsync("Helpdesk bot");
        await Expect(adminView.Level).ToHaveTextAsync("Your access: Owner");

        var cy = await RegisterAsync("cy@e2e.test");
        var cyNew = new NewAssistantPage(cy.Page);
        await cyNew.GotoAsync();
        await cyNew.CreateAsync("Cy's notes");
        var cyList = new MyAssistantsPage(cy.Page);
        await cyList.GotoAsync();
        await Expect(cyList.Row("Cy's notes")).ToBeVisibleAsync(); // the list has loaded...
        await Expect(cyList.Row("Helpdesk bot")).ToHaveCountAsync(0); // ...and Bo's assistant is not in it
        await Expect(cyList.Count).ToHaveTextAsync("1 assistant");

        var cyDirect = new AssistantPage(cy.Page);
        var status = await cyDirect.GotoAsync(id);
        Assert.Equal(404, status);
        await Expect(cyDirect.NotFound).ToBeVisibleAsync();
        await Expect(cyDirect.Name).ToHaveCountAsync(0);
        await Expect(cy.Page.GetByText("Helpdesk bot")).ToHaveCountAsync(0);
    }

    [ScenarioFact]
    public async Task Unknown_assistant_id_is_not_found_exactly_like_one_without_access()
    {
        var ana = await RegisterAsync("ana@e2e.test");
        var page = new AssistantPage(ana.Page);

        var status = await page.GotoAsync(999_999);

        Assert.Equal(404, status);
        await Expect(page.NotFound).ToBeVisibleAsync();
    }
}
