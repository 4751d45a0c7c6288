using Microsoft.Playwright;
using static Microsoft.Playwright.Assertions;

namespace AssistantPortal.E2E.Pages;

/// <summary>The assistant page's Evaluation tab (Global Admins): the test set, runs, and two runs compared.</summary>
public sealed class EvaluationTab(IPage page)
{
    public ILocator TestCases => page.GetByTestId("evaluation-test-cases");

    public ILocator Runs => page.GetByTestId("evaluation-runs").Locator("tbody tr");

    public ILocator RegressionSummary => page.GetByTestId("evaluation-regression-summary");

    /// <summary>Rows of the comparison flagged as regressions.</summary>
    public ILocator Regressions => page.GetByTestId("evaluation-regression");

    /// <summary>Adds a question with its key phrases (one per line) and waits until the test set lists it.</summary>
    public async Task AddTestCaseAsync(string question, string keyPhrases)
    {
        await page.Locator("#evaluation-input-question").FillAsync(question);
        await page.Locator("#evaluation-input-phrases").FillAsync(keyPhrases);
        await page.GetByRole(AriaRole.Button, new() { Name = "Add test case", Exact = true }).ClickAsync();
        await Expect(page.GetByTestId("evaluation-question").Filter(new() { HasTextString = question })).ToBeVisibleAsync();
    }

    /// <summary>Presses "Run now" and waits until the runs list holds <paramref name="runsAfter"/> finished runs.</summary>
    public async Task RunAsync(int runsAfter)
    {
        await page.GetByTestId("evaluation-run").ClickAsync();
        await Expect(Runs).ToHaveCountAsync(runsAfter);
        await Expect(Runs.First).Not.ToContainTextAsync("(unfinished)");
        await Expect(page.GetByTestId("evaluation-run")).ToBeEnabledAsync();
    }
}
