using System.Text.RegularExpressions;
using AssistantPortal.Data;
using AssistantPortal.E2E.Infrastructure;
using AssistantPortal.E2E.Pages;
using Microsoft.EntityFrameworkCore;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace AssistantPortal.E2E.Links;

/// <summary>
/// View and edit links at <c>/p/{token}</c> (SPEC §4.5, §5): a link that needs signing in sends an anonymous
/// visitor to sign in and back; the edit link ends on the assistant page with Read and write, which a reset ends.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed partial class LinkTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    [ScenarioFact]
    public async Task View_link_for_everyone_signed_in_asks_to_sign_in_then_chats_as_a_link_visitor()
    {
        var bakery = await BakeryAssistant.ArrangeAsync(App, PublicAccess.EveryoneSignedIn);
        var visitor = await RegisterAsync("walk-in@e2e.test");
        var page = await NewPageAsync();

        await page.GotoAsync($"/p/{bakery.ViewToken}");
        await Expect(page).ToHaveURLAsync(LoginAddress());
        await new LoginPage(page).SubmitAsync(visitor.Email, visitor.Password);
        await Expect(page).ToHaveURLAsync(new Regex($"/p/{Regex.Escape(bakery.ViewToken)}$"));
        await page.Locator("[data-testid='link-chat'][data-interactive='true']").WaitForAsync();
        await page.GetByLabel("Your question").FillAsync("When does the bakery open?");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        await Expect(page.Locator("[data-testid='chat-answer']")).ToContainTextAsync(BakeryAssistant.Answer);
        // The streaming bubble gives way to the recorded turn once the exchange is saved.
        await Expect(page.Locator("[data-testid='chat-answer'] .mud-progress-circular")).ToHaveCountAsync(0);
        await using var db = App.CreateDbContext();
        var logged = await db.ChatExchanges.SingleAsync(e => e.AssistantId == bakery.Id);
        Assert.Equal(ChatOrigin.LinkVisitor, logged.Origin);
        Assert.Equal(visitor.Email, logged.WhoName);
    }

    [ScenarioFact]
    public async Task Edit_link_signs_in_to_the_assistant_page_with_read_and_write_until_it_is_reset()
    {
        var bakery = await BakeryAssistant.ArrangeAsync(App, PublicAccess.Everyone);
        var editor = await RegisterAsync("editor@e2e.test");
        var page = await NewPageAsync();

        await page.GotoAsync($"/p/{bakery.EditToken}");
        await Expect(page).ToHaveURLAsync(LoginAddress());
        await new LoginPage(page).SubmitAsync(editor.Email, editor.Password);
        await Expect(page).ToHaveURLAsync(new Regex($"/assistants/{bakery.Id}\\?link={Regex.Escape(bakery.EditToken)}$"));
        await page.WaitForInteractiveAsync();

        await Expect(page.GetByTestId("viewer-level")).ToContainTextAsync("Read and write");
        await Expect(page.GetByRole(AriaRole.Tab, new() { Name = "Settings" })).ToBeVisibleAsync();

        await bakery.ResetEditLinkAsync();

        // The open page resolves again at once and the old link no longer grants anything.
        await Expect(page.GetByTestId("viewer-level")).ToHaveCountAsync(0);
        await Expect(page.GetByText(BakeryAssistant.Name)).ToHaveCountAsync(0);
        await page.GotoAsync($"/p/{bakery.EditToken}");
        await Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Not found" })).ToBeVisibleAsync();
    }

    private static Regex LoginAddress() => LoginRegex();

    [GeneratedRegex("/Account/Login\\?ReturnUrl=%2Fp%2F", RegexOptions.IgnoreCase)]
    private static partial Regex LoginRegex();
}
