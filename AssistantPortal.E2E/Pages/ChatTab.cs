using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AssistantPortal.E2E.Pages;

/// <summary>The assistant page's Chat tab (or the whole page for a Use only viewer).</summary>
public sealed class ChatTab(IPage page)
{
    public ILocator Turns => page.GetByTestId("chat-turn");

    public ILocator LastAnswer => Turns.Last.GetByTestId("chat-answer");

    /// <summary>The Global Admins' panel with supporting content and thought process, in the last answer.</summary>
    public ILocator LastSupportingContent => Turns.Last.GetByTestId("chat-supporting");

    /// <summary>Asks and waits until the streamed answer is complete (the Stop button is gone again).</summary>
    public async Task AskAsync(string question)
    {
        var before = await Turns.CountAsync();
        // MudBlazor puts the test id on the textarea itself or on its wrapper, depending on the version.
        await page.Locator("textarea[data-testid='chat-input'], [data-testid='chat-input'] textarea").FillAsync(question);
        await page.GetByTestId("chat-send").ClickAsync();
        await Expect(Turns).ToHaveCountAsync(before + 1);
        await Expect(page.GetByTestId("chat-send")).ToBeVisibleAsync();
        await Expect(LastAnswer).Not.ToBeEmptyAsync();
    }
}
