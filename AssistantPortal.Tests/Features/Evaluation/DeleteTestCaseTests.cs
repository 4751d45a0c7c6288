using AssistantPortal.Features.Access;
using AssistantPortal.Features.Evaluation;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Tests.Features.Evaluation;

public sealed class DeleteTestCaseTests : EvaluationTestBase
{
    [Fact]
    public async Task Delete_removes_the_case_and_past_runs_keep_its_result_unlinked()
    {
        var (assistant, _, admin) = await ScenarioAsync();
        var id = await AddTestCaseAsync(admin, assistant, "How do I reset my password?", phrases: "Forgot password");
        var runId = await RunAsync(admin, assistant);

        await Get<DeleteTestCase>().ExecuteAsync(admin, assistant.Id, id);

        Assert.Empty(await Get<ListTestCases>().ExecuteAsync(admin, assistant.Id));
        await using var db = Database.CreateDbContext();
        var result = await db.EvaluationResults.SingleAsync(r => r.RunId == runId);
        Assert.Null(result.TestCaseId);
        Assert.Equal("How do I reset my password?", result.Question);
    }

    [Fact]
    public async Task Deleting_another_assistants_case_is_not_found_and_keeps_it()
    {
        var (assistant, owner, admin) = await ScenarioAsync();
        var other = await Seed.AssistantAsync(owner, "Other");
        var id = await AddTestCaseAsync(admin, other, "Other question?", expected: "Other answer");

        await Assert.ThrowsAsync<AssistantNotFoundException>(() => Get<DeleteTestCase>().ExecuteAsync(admin, assistant.Id, id));

        Assert.Single(await Get<ListTestCases>().ExecuteAsync(admin, other.Id));
    }
}
