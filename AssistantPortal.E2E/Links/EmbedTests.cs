using AssistantPortal.Data;
using AssistantPortal.E2E.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace AssistantPortal.E2E.Links;

/// <summary>
/// The embed snippet on someone else's page (SPEC §5): the script adds a bubble, the bubble opens the widget in
/// an iframe from the app's origin, and a visitor chats there. Once public access is no longer Everyone, the
/// same page gets a refusal inside the widget.
/// </summary>
[Collection(BrowserCollection.Name)]
public sealed class EmbedTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    [ScenarioFact]
    public async Task Snippet_on_another_origin_chats_until_public_access_is_withdrawn()
    {
        var bakery = await BakeryAssistant.ArrangeAsync(App, PublicAccess.Everyone);
        await using var site = SecondOrigin.Serve($$"""
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>Bakery</title></head>
            <body>
              <h1>The corner bakery</h1>
              <script src="{{App.BaseUrl}}/embed.js" data-assistant="{{bakery.ViewToken}}" async></script>
            </body></html>
            """);
        var page = await NewPageAsync();

        await page.GotoAsync(site.Url);
        await page.GetByRole(AriaRole.Button, new() { Name = "Open chat" }).ClickAsync();
        var widget = page.FrameLocator("iframe[title='Chat']");
        await widget.Locator("[data-testid='link-chat'][data-interactive='true']").WaitForAsync();
        await widget.GetByLabel("Your question").FillAsync("When does the bakery open?");
        await widget.GetByRole(AriaRole.Button, new() { Name = "Send" }).ClickAsync();

        await Expect(widget.Locator("[data-testid='chat-answer']")).ToContainTextAsync(BakeryAssistant.Answer);
        Assert.StartsWith(site.Url, page.Url);
        Assert.StartsWith(App.BaseUrl + "/embed/", await page.Locator("iframe[title='Chat']").GetAttributeAsync("src"));

        await bakery.SetPublicAccessAsync(PublicAccess.NotAccessible);
        await page.ReloadAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Open chat" }).ClickAsync();

        var refused = page.FrameLocator("iframe[title='Chat']");
        await Expect(refused.Locator("[data-testid='embed-refused']")).ToHaveTextAsync("This chat is not available.");
        await Expect(refused.Locator("body")).Not.ToContainTextAsync(BakeryAssistant.Name);
        await Expect(refused.Locator("[data-testid='link-chat']")).ToHaveCountAsync(0);
    }
}
