using AssistantPortal.Features.Evaluation;
using AssistantPortal.Features.Knowledge;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Tests.Features.Evaluation;

public sealed class RunEvaluationTests : EvaluationTestBase
{
    private sealed class RecordingProgress : IProgress<EvaluationProgress>
    {
        public List<EvaluationProgress> Reports { get; } = [];

        public void Report(EvaluationProgress value) => Reports.Add(value);
    }

    [Fact]
    public async Task Run_asks_every_question_through_the_chat_engine_scores_and_stores_it()
    {
        var (assistant, _, admin) = await ScenarioAsync();
        await AddDocumentAsync(admin, assistant, "handbook.md", Handbook);
        await AddTestCaseAsync(admin, assistant, "How do I reset my password?", phrases: "Forgot password\naccount page");
        await AddTestCaseAsync(admin, assistant, "When is the office closed?", expected: "The office is closed on public holidays.");
        var progress = new RecordingProgress();

        var result = await Get<RunEvaluation>().ExecuteAsync(admin, assistant.Id, progress);

        Assert.True(result.Succeeded);
        await using var db = Database.CreateDbContext();
        var run = await db.EvaluationRuns.Include(r => r.Results).SingleAsync(r => r.Id == result.Value);
        Assert.NotNull(run.FinishedAt);
        Assert.Equal("gaby", run.StartedByName);
        Assert.Equal((1, 2, 0), (run.PassedCount, run.CaseCount, run.RegressionCount));
        var results = run.Results.OrderBy(r => r.Id).ToList();
        Assert.True(results[0].Passed);
        Assert.Contains("Forgot password", results[0].Answer);
        Assert.Equal(1, results[0].Score);
        Assert.False(results[1].Passed);
        Assert.Equal(OfflineNothingFound, results[1].Answer);
        Assert.Equal(results.Average(r => r.Score), run.Score, 6);
        Assert.Equal([new(0, 2), new(1, 2), new(2, 2)], progress.Reports);
    }

    [Fact]
    public async Task Run_records_nothing_in_the_chat_log()
    {
        var (assistant, _, admin) = await ScenarioAsync();
        await AddDocumentAsync(admin, assistant, "handbook.md", Handbook);
        await AddTestCaseAsync(admin, assistant, "How do I reset my password?", phrases: "Forgot password");

        await RunAsync(admin, assistant);

        await using var db = Database.CreateDbContext();
        Assert.Empty(await db.ChatExchanges.ToListAsync());
        Assert.Empty(await db.Conversations.ToListAsync());
    }

    [Fact]
    public async Task Run_with_an_empty_test_set_is_refused_and_stores_nothing()
    {
        var (assistant, _, admin) = await ScenarioAsync();

        var result = await Get<RunEvaluation>().ExecuteAsync(admin, assistant.Id);

        Assert.False(result.Succeeded);
        Assert.Equal(["Add a test case before running the evaluation."], result.Errors[RunEvaluation.TestCasesField]);
        await using var db = Database.CreateDbContext();
        Assert.Empty(await db.EvaluationRuns.ToListAsync());
    }

    [Fact]
    public async Task Deleting_the_document_that_answered_a_question_flags_a_regression()
    {
        var (assistant, _, admin) = await ScenarioAsync();
        var handbook = await AddDocumentAsync(admin, assistant, "handbook.md", Handbook);
        await AddDocumentAsync(admin, assistant, "hours.md", Holidays);
        await AddTestCaseAsync(admin, assistant, "How do I reset my password?", phrases: "Forgot password");
        await AddTestCaseAsync(admin, assistant, "When is the office closed?", expected: "The office is closed on public holidays.");
        var before = await RunAsync(admin, assistant);

        await Get<KnowledgeBase>().DeleteAsync(admin, assistant.Id, handbook);
        var after = await RunAsync(admin, assistant);

        await using var db = Database.CreateDbContext();
        var run = await db.EvaluationRuns.Include(r => r.Results).SingleAsync(r => r.Id == after);
        Assert.Equal(1, run.RegressionCount);
        var regressed = Assert.Single(run.Results, r => r.Regressed);
        Assert.Equal("How do I reset my password?", regressed.Question);
        Assert.False(regressed.Passed);

        var comparison = await Get<CompareEvaluationRuns>().ExecuteAsync(admin, assistant.Id, after, before);
        Assert.Equal((before, after), (comparison.Earlier.Id, comparison.Later.Id));
        var row = Assert.Single(comparison.Rows, r => r.Regression);
        Assert.Equal("How do I reset my password?", row.Question);
        Assert.True(row.Earlier!.Passed);
        Assert.False(row.Later!.Passed);
        Assert.False(Assert.Single(comparison.Rows, r => !r.Regression).Regression);
        Assert.Equal(1, comparison.RegressionCount);
    }

    [Fact]
    public async Task A_question_failing_in_both_runs_is_not_a_regression()
    {
        var (assistant, _, admin) = await ScenarioAsync();
        await AddTestCaseAsync(admin, assistant, "When is the office closed?", phrases: "public holidays");
        await RunAsync(admin, assistant);

        var second = await RunAsync(admin, assistant);

        await using var db = Database.CreateDbContext();
        Assert.Equal(0, (await db.EvaluationRuns.SingleAsync(r => r.Id == second)).RegressionCount);
    }

    [Fact]
    public async Task Comparison_keeps_a_deleted_test_case_and_shows_new_cases_as_not_asked_before()
    {
        var (assistant, _, admin) = await ScenarioAsync();
        await AddDocumentAsync(admin, assistant, "handbook.md", Handbook);
        var removed = await AddTestCaseAsync(admin, assistant, "How do I reset my password?", phrases: "Forgot password");
        var before = await RunAsync(admin, assistant);
        await Get<DeleteTestCase>().ExecuteAsync(admin, assistant.Id, removed);
        await AddTestCaseAsync(admin, assistant, "How long is the link valid?", phrases: "one hour");

        var after = await RunAsync(admin, assistant);
        var comparison = await Get<CompareEvaluationRuns>().ExecuteAsync(admin, assistant.Id, before, after);

        Assert.Equal(2, comparison.Rows.Count);
        var added = Assert.Single(comparison.Rows, r => r.Earlier is null);
        Assert.Equal("How long is the link valid?", added.Question);
        Assert.True(added.Later!.Passed);
        var gone = Assert.Single(comparison.Rows, r => r.Later is null);
        Assert.Equal("How do I reset my password?", gone.Question);
        Assert.True(gone.Earlier!.Passed);
    }

    private const string OfflineNothingFound = AssistantPortal.Features.Chat.OfflineAnswer.NothingFound;
}
