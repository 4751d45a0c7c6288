using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Evaluation;
using Microsoft.EntityFrameworkCore;
using static AssistantPortal.Tests.Features.KeysAndLinksServices;

namespace AssistantPortal.Tests.Features.Evaluation;

/// <summary>Every evaluation use case refuses anyone but a Global Admin as not found (SPEC §2, §8.4), even the owner.</summary>
public sealed class EvaluationAccessTests : EvaluationTestBase
{
    private async Task<(Assistant Assistant, System.Security.Claims.ClaimsPrincipal Owner, int TestCaseId, int RunId)> SetUpAsync()
    {
        var (assistant, owner, admin) = await ScenarioAsync();
        var testCaseId = await AddTestCaseAsync(admin, assistant, "How do I reset my password?", phrases: "Forgot password");
        var runId = await RunAsync(admin, assistant);
        return (assistant, Principal(owner), testCaseId, runId);
    }

    [Fact]
    public async Task Owner_cannot_list_test_cases()
    {
        var (assistant, owner, _, _) = await SetUpAsync();
        await Assert.ThrowsAsync<AssistantNotFoundException>(() => Get<ListTestCases>().ExecuteAsync(owner, assistant.Id));
    }

    [Fact]
    public async Task Owner_cannot_delete_a_test_case()
    {
        var (assistant, owner, testCaseId, _) = await SetUpAsync();

        await Assert.ThrowsAsync<AssistantNotFoundException>(() => Get<DeleteTestCase>().ExecuteAsync(owner, assistant.Id, testCaseId));

        await using var db = Database.CreateDbContext();
        Assert.True(await db.EvaluationTestCases.AnyAsync(t => t.Id == testCaseId));
    }

    [Fact]
    public async Task Owner_cannot_start_a_run()
    {
        var (assistant, owner, _, _) = await SetUpAsync();

        await Assert.ThrowsAsync<AssistantNotFoundException>(() => Get<RunEvaluation>().ExecuteAsync(owner, assistant.Id));

        await using var db = Database.CreateDbContext();
        Assert.Equal(1, await db.EvaluationRuns.CountAsync());
    }

    [Fact]
    public async Task Owner_cannot_list_or_compare_runs()
    {
        var (assistant, owner, _, runId) = await SetUpAsync();

        await Assert.ThrowsAsync<AssistantNotFoundException>(() => Get<ListEvaluationRuns>().ExecuteAsync(owner, assistant.Id));
        await Assert.ThrowsAsync<AssistantNotFoundException>(() => Get<CompareEvaluationRuns>().ExecuteAsync(owner, assistant.Id, runId, runId));
    }

    [Fact]
    public async Task Anonymous_viewer_cannot_list_test_cases()
    {
        var (assistant, _, _, _) = await SetUpAsync();
        await Assert.ThrowsAsync<AssistantNotFoundException>(() => Get<ListTestCases>().ExecuteAsync(new(), assistant.Id));
    }

    [Fact]
    public async Task Global_admin_on_a_missing_assistant_is_not_found()
    {
        var (_, _, admin) = await ScenarioAsync();
        await Assert.ThrowsAsync<AssistantNotFoundException>(() => Get<ListTestCases>().ExecuteAsync(admin, 999_999));
    }

    [Fact]
    public async Task A_run_of_another_assistant_is_not_found_in_a_comparison()
    {
        var (assistant, owner, admin) = await ScenarioAsync();
        var other = await Seed.AssistantAsync(owner, "Other");
        await AddTestCaseAsync(admin, other, "Q?", expected: "A");
        var otherRun = await RunAsync(admin, other);

        await Assert.ThrowsAsync<AssistantNotFoundException>(() => Get<CompareEvaluationRuns>().ExecuteAsync(admin, assistant.Id, otherRun, otherRun));
    }
}
