using AssistantPortal.E2E.Infrastructure;
using AssistantPortal.E2E.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace AssistantPortal.E2E.Evaluation;

/// <summary>SPEC §8.4 in the browser: a run flags the question a deleted knowledge document used to answer.</summary>
[Collection(BrowserCollection.Name)]
public sealed class EvaluationRegressionTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    private const string Vpn =
        "Resetting the VPN token: open the Self Service portal and choose Reset token. Tokens expire after 90 days.";

    private const string Question = "How do I reset the VPN token?";

    [ScenarioFact]
    public async Task Deleting_the_document_that_answered_a_question_is_flagged_as_a_regression_in_the_next_run()
    {
        // The first account of a fresh installation is a Global Admin: the one role that sees the Evaluation tab.
        var admin = await RegisterAsync("admin@e2e.test");
        var create = new NewAssistantPage(admin.Page);
        await create.GotoAsync();
        await create.CreateAsync("Helpdesk bot");
        var assistant = new AssistantPage(admin.Page);
        var knowledge = new KnowledgeTab(admin.Page);
        var evaluation = new EvaluationTab(admin.Page);

        await assistant.Tab("Knowledge").ClickAsync();
        await knowledge.UploadTextAsync("vpn.txt", Vpn);
        await assistant.Tab("Evaluation").ClickAsync();
        await evaluation.AddTestCaseAsync(Question, "Self Service portal");
        await evaluation.RunAsync(runsAfter: 1);
        await Expect(evaluation.Runs.First).ToContainTextAsync("1 of 1");
        await Expect(evaluation.Regressions).ToHaveCountAsync(0);

        await assistant.Tab("Knowledge").ClickAsync();
        await knowledge.DeleteAsync("vpn.txt");
        await assistant.Tab("Evaluation").ClickAsync();
        await evaluation.RunAsync(runsAfter: 2);

        // Newest first: the second run passed nothing, and the comparison (latest against the one before) flags the question.
        await Expect(evaluation.Runs.First).ToContainTextAsync("0 of 1");
        await Expect(evaluation.RegressionSummary).ToContainTextAsync("1 question(s) passed in run");
        await Expect(evaluation.Regressions).ToHaveCountAsync(1);
        await Expect(evaluation.Regressions.First).ToContainTextAsync(Question);
        await Expect(evaluation.Regressions.First).ToContainTextAsync("Regression");
    }
}
