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

    /// <summary>
    /// On an interactive page, waits for its circuit; on a static server-rendered page (the account
    /// pages, <c>body[data-render=static]</c>), returns at once. Clicking before the circuit is up can
    /// be lost: the circuit's first render replaces the prerendered elements, and a click whose mouse
    /// down and up fall on either side of that swap reaches no button.
    /// </summary>
    public static async Task WaitForSettledAsync(this IPage page)
    {
        if (await page.Locator("body[data-render='interactive']").CountAsync() > 0)
        {
            await page.WaitForInteractiveAsync();
        }
    }

    /// <summary>Opens an interactive page and waits for its circuit.</summary>
    public static async Task GotoInteractiveAsync(this IPage page, string path)
    {
        await page.GotoAsync(path);
        await page.WaitForInteractiveAsync();
    }
}
