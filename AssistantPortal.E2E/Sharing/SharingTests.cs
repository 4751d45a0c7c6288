using AssistantPortal.E2E.Infrastructure;
using AssistantPortal.E2E.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace AssistantPortal.E2E.Sharing;

/// <summary>Sharing with a person in the browser, with mail delivered to a real SMTP server.</summary>
[Collection(BrowserCollection.Name)]
public sealed class SharingTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    protected override bool UsesSmtp => true;

    [ScenarioFact]
    public async Task Sharing_with_a_user_emails_them_and_lists_the_assistant_at_that_level()
    {
        await RegisterAsync("admin@e2e.test");
        var bo = await RegisterAsync("bo@e2e.test");
        var cy = await RegisterAsync("cy@e2e.test");

        var boNew = new NewAssistantPage(bo.Page);
        await boNew.GotoAsync();
        await boNew.CreateAsync("Helpdesk bot");
        var boAssistant = new AssistantPage(bo.Page);
        await boAssistant.Tab("Access").ClickAsync();
        await new AccessTab(bo.Page).ShareWithUserAsync("cy@e2e.test", "Read only");

        var mail = await Smtp.WaitForMessageAsync(m => m.To.Mailboxes.Any(a => a.Address == "cy@e2e.test"));
        Assert.Contains("Helpdesk bot", mail.Subject);
        Assert.Contains("Read only", mail.TextBody);

        var cyList = new MyAssistantsPage(cy.Page);
        await cyList.GotoAsync();
        await Expect(cyList.Row("Helpdesk bot")).ToContainTextAsync("Read only");
        var cyAssistant = await cyList.OpenAsync("Helpdesk bot");
        await Expect(cyAssistant.Level).ToHaveTextAsync("Your access: Read only");
        await Expect(cyAssistant.Tab("Settings")).ToBeVisibleAsync();
        await Expect(cyAssistant.Tab("API keys")).ToBeVisibleAsync();
    }

    [ScenarioFact]
    public async Task Removing_a_grant_turns_the_open_tab_of_that_person_into_not_found()
    {
        await RegisterAsync("admin@e2e.test");
        var bo = await RegisterAsync("bo@e2e.test");
        var cy = await RegisterAsync("cy@e2e.test");
        var boNew = new NewAssistantPage(bo.Page);
        await boNew.GotoAsync();
        var id = await boNew.CreateAsync("Helpdesk bot");
        await new AssistantPage(bo.Page).Tab("Access").ClickAsync();
        var access = new AccessTab(bo.Page);
        await access.ShareWithUserAsync("cy@e2e.test", "Use only");

        var cyAssistant = new AssistantPage(cy.Page);
        Assert.Equal(200, await cyAssistant.GotoAsync(id));
        await Expect(cyAssistant.Level).ToHaveTextAsync("Your access: Use only");

        await access.RemoveUserAsync("cy@e2e.test");

        // SPEC §2.1: the open tab loses what the viewer may no longer use (within a second; the
        // assertion allows more for a busy test machine).
        await Expect(cyAssistant.NotFound).ToBeVisibleAsync(new() { Timeout = 5_000 });
        await Expect(cyAssistant.Name).ToHaveCountAsync(0);
    }
}
