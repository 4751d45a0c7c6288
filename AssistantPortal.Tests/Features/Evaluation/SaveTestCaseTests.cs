using AssistantPortal.Data;
using AssistantPortal.Data.Configurations;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Evaluation;
using Microsoft.EntityFrameworkCore;
using static AssistantPortal.Tests.Features.KeysAndLinksServices;

namespace AssistantPortal.Tests.Features.Evaluation;

public sealed class SaveTestCaseTests : EvaluationTestBase
{
    private async Task<(Assistant Assistant, System.Security.Claims.ClaimsPrincipal Admin)> AdminAsync()
    {
        var (assistant, _, admin) = await ScenarioAsync();
        return (assistant, admin);
    }

    private async Task AssertInvalidAsync(SaveTestCase.Input input, string field, string message)
    {
        var (assistant, admin) = await AdminAsync();

        var result = await Get<SaveTestCase>().ExecuteAsync(admin, assistant.Id, input);

        Assert.False(result.Succeeded);
        Assert.Contains(result.Errors[field], m => m.Contains(message, StringComparison.Ordinal));
        await using var db = Database.CreateDbContext();
        Assert.Empty(await db.EvaluationTestCases.ToListAsync());
    }

    [Fact]
    public async Task Add_as_global_admin_stores_the_case_with_trimmed_phrases()
    {
        var (assistant, admin) = await AdminAsync();

        var id = await AddTestCaseAsync(admin, assistant, "  How do I reset my password? ", phrases: " Forgot password \n\n account page ");

        await using var db = Database.CreateDbContext();
        var stored = await db.EvaluationTestCases.SingleAsync(t => t.Id == id);
        Assert.Equal("How do I reset my password?", stored.Question);
        Assert.Equal("Forgot password\naccount page", stored.KeyPhrases);
        Assert.Equal(assistant.Id, stored.AssistantId);
    }

    [Fact]
    public async Task Edit_changes_the_stored_case()
    {
        var (assistant, admin) = await AdminAsync();
        var id = await AddTestCaseAsync(admin, assistant, "Old question?", expected: "Old answer");

        var result = await Get<SaveTestCase>().ExecuteAsync(admin, assistant.Id,
            new SaveTestCase.Input { Id = id, Question = "New question?", ExpectedAnswer = "", KeyPhrases = "new phrase" });

        Assert.True(result.Succeeded);
        await using var db = Database.CreateDbContext();
        var stored = await db.EvaluationTestCases.SingleAsync();
        Assert.Equal(("New question?", "", "new phrase"), (stored.Question, stored.ExpectedAnswer, stored.KeyPhrases));
    }

    [Fact]
    public Task Empty_question_is_refused() =>
        AssertInvalidAsync(new() { Question = "", ExpectedAnswer = "Yes." }, nameof(SaveTestCase.Input.Question), "Enter a question.");

    [Fact]
    public Task Blank_question_is_refused() =>
        AssertInvalidAsync(new() { Question = "   ", ExpectedAnswer = "Yes." }, nameof(SaveTestCase.Input.Question), "Enter a question.");

    [Fact]
    public Task Over_long_question_is_refused() =>
        AssertInvalidAsync(new() { Question = new string('q', EvaluationLimits.Question + 1), ExpectedAnswer = "Yes." },
            nameof(SaveTestCase.Input.Question), $"at most {EvaluationLimits.Question} characters");

    [Fact]
    public Task Neither_expected_answer_nor_key_phrase_is_refused() =>
        AssertInvalidAsync(new() { Question = "Anything?", ExpectedAnswer = "  ", KeyPhrases = " \n \n" },
            nameof(SaveTestCase.Input.ExpectedAnswer), "Enter an expected answer or at least one key phrase.");

    [Fact]
    public Task Over_long_expected_answer_is_refused() =>
        AssertInvalidAsync(new() { Question = "Anything?", ExpectedAnswer = new string('a', EvaluationLimits.ExpectedAnswer + 1) },
            nameof(SaveTestCase.Input.ExpectedAnswer), $"at most {EvaluationLimits.ExpectedAnswer} characters");

    [Fact]
    public Task Over_long_key_phrases_together_are_refused() =>
        AssertInvalidAsync(new() { Question = "Anything?", KeyPhrases = string.Join("\n", Enumerable.Range(0, 200).Select(i => $"phrase number {i:000}")) },
            nameof(SaveTestCase.Input.KeyPhrases), $"at most {EvaluationLimits.KeyPhrases} characters long together");

    [Fact]
    public Task Over_long_single_key_phrase_is_refused() =>
        AssertInvalidAsync(new() { Question = "Anything?", KeyPhrases = new string('k', EvaluationLimits.KeyPhrase + 1) },
            nameof(SaveTestCase.Input.KeyPhrases), $"A key phrase can be at most {EvaluationLimits.KeyPhrase} characters long");

    [Fact]
    public async Task Editing_another_assistants_case_is_not_found_and_changes_nothing()
    {
        var (assistant, owner, admin) = await ScenarioAsync();
        var other = await Seed.AssistantAsync(owner, "Other");
        var id = await AddTestCaseAsync(admin, other, "Other question?", expected: "Other answer");

        await Assert.ThrowsAsync<AssistantNotFoundException>(() => Get<SaveTestCase>().ExecuteAsync(admin, assistant.Id,
            new SaveTestCase.Input { Id = id, Question = "Hijacked?", ExpectedAnswer = "Yes" }));

        await using var db = Database.CreateDbContext();
        Assert.Equal("Other question?", (await db.EvaluationTestCases.SingleAsync()).Question);
    }

    [Theory]
    [InlineData(AccessLevel.ReadWrite)]
    [InlineData(AccessLevel.Owner)]
    public async Task Add_as_non_global_admin_is_not_found_and_changes_nothing(AccessLevel level)
    {
        var (assistant, owner, _) = await ScenarioAsync();
        var viewer = owner;
        if (level != AccessLevel.Owner)
        {
            viewer = await Seed.UserAsync("ed");
            await Seed.GrantAsync(assistant, viewer, level);
        }

        await Assert.ThrowsAsync<AssistantNotFoundException>(() => Get<SaveTestCase>().ExecuteAsync(Principal(viewer), assistant.Id,
            new SaveTestCase.Input { Question = "Q?", ExpectedAnswer = "A" }));

        await using var db = Database.CreateDbContext();
        Assert.Empty(await db.EvaluationTestCases.ToListAsync());
    }
}
