using Microsoft.Playwright;

namespace AssistantPortal.E2E.Infrastructure;

public static class PageExtensions
{
    /// <summary>
    /// Waits until the Blazor circuit has rendered the page interactively. Before that, a prerendered
    /// button is on screen but a click on it reaches nobody. MainLayout sets <c>data-interactive</c> on
    /// the body after its first interactive render (static account pages never get it).
    /// </summary>
    public static Task WaitForInteractiveAsync(this IPage page) =>
        page.Locator("body[data-interactive='true']").WaitForAsync(new() { State = WaitForSelectorState.Attached });

    /// <summary>Opens an interactive page and waits for its circuit.</summary>
    public static async Task GotoInteractiveAsync(this IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForInteractiveAsync();
    }
}
