using AssistantPortal.E2E.Infrastructure;
using AssistantPortal.E2E.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace AssistantPortal.E2E.Layout;

/// <summary>The app bar's dark-mode toggle switches MudBlazor's palette, both ways.</summary>
[Collection(BrowserCollection.Name)]
public sealed class DarkModeTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    [ScenarioFact]
    public async Task Toggle_switches_to_a_dark_background_and_back()
    {
        var page = await NewPageAsync(); // the browser prefers a light colour scheme
        await page.GotoInteractiveAsync("/");
        var appBar = new AppBar(page);
        var light = await appBar.BackgroundColorAsync();
        Assert.True(Luminance(light) > 0.8, $"expected a light background first, got {light}");

        await appBar.DarkModeToggle.ClickAsync();
        await Expect(page.Locator("body")).Not.ToHaveCSSAsync("background-color", light);
        var dark = await appBar.BackgroundColorAsync();
        Assert.True(Luminance(dark) < 0.3, $"expected a dark background, got {dark}");

        await appBar.DarkModeToggle.ClickAsync();
        await Expect(page.Locator("body")).ToHaveCSSAsync("background-color", light);
    }

    /// <summary>Relative brightness 0..1 of a CSS "rgb(r, g, b)" colour.</summary>
    private static double Luminance(string rgb)
    {
        var parts = rgb[(rgb.IndexOf('(') + 1)..rgb.IndexOf(')')].Split(',').Select(p => double.Parse(p.Trim(), System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return (0.2126 * parts[0] + 0.7152 * parts[1] + 0.0722 * parts[2]) / 255;
    }
}
