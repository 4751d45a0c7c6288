using System.Text;
using AssistantPortal.Data;
using AssistantPortal.Features.Assistants;
using AssistantPortal.Features.Evaluation;
using AssistantPortal.Features.Knowledge;
using AssistantPortal.Tests.Infrastructure;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static AssistantPortal.Tests.Features.KeysAndLinksServices;

namespace AssistantPortal.Tests.Features.Evaluation;

/// <summary>The Evaluation tab with the real use cases, resolver, authorization and offline chat engine.</summary>
public sealed class EvaluationTabTests : KeysAndLinksComponentTestBase
{
    private async Task<IRenderedComponent<EvaluationTab>> RenderAsync(Assistant assistant, ApplicationUser viewer)
    {
        SignInWithRealAuthorization(viewer);
        Services.AddKnowledgeAndChat(new ConfigurationBuilder().Build());
        Services.AddEvaluation();
        var access = await ResolveAsync(viewer, assistant);
        return Render<EvaluationTab>(p => p.Add(c => c.AssistantId, assistant.Id).Add(c => c.Access, access));
    }

    private T Get<T>() where T : notnull => Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    private async Task<(Assistant Assistant, ApplicationUser Admin)> ScenarioAsync()
    {
        var owner = await Seed.UserAsync("olga");
        var admin = await Seed.UserAsync("gaby", GlobalRole.GlobalAdmin);
        var assistant = await Seed.AssistantAsync(owner);
        await using var db = Database.CreateDbContext();
        db.EvaluationTestCases.Add(new EvaluationTestCase
        {
            AssistantId = assistant.Id, Question = "How do I reset my password?", KeyPhrases = "Forgot password",
            CreatedAt = Start.UtcDateTime, UpdatedAt = Start.UtcDateTime,
        });
        await db.SaveChangesAsync();
        return (assistant, admin);
    }

    [Fact]
    public async Task Global_admin_sees_the_test_set_and_can_run_it()
    {
        var (assistant, admin) = await ScenarioAsync();

        var cut = await RenderAsync(assistant, admin);

        cut.WaitForAssertion(() => Assert.Equal("How do I reset my password?", cut.Find("[data-testid=evaluation-question]").TextContent));
        Assert.False(cut.Find("[data-testid=evaluation-run]").HasAttribute("disabled"));
        Assert.Contains("No runs yet.", cut.Markup);
    }

    [Fact]
    public async Task Owner_who_is_not_a_global_admin_gets_not_found_and_no_test_set()
    {
        var owner = await Seed.UserAsync("olga");
        var assistant = await Seed.AssistantAsync(owner);
        await using (var db = Database.CreateDbContext())
        {
            db.EvaluationTestCases.Add(new EvaluationTestCase { AssistantId = assistant.Id, Question = "SECRET-TEST-QUESTION", ExpectedAnswer = "A" });
            await db.SaveChangesAsync();
        }

        var cut = await RenderAsync(assistant, owner);

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=evaluation-not-found]")));
        Assert.DoesNotContain("SECRET-TEST-QUESTION", cut.Markup);
        Assert.Empty(cut.FindAll("[data-testid=evaluation-run]"));
    }

    [Fact]
    public async Task Run_now_runs_the_test_set_and_lists_the_run()
    {
        var (assistant, admin) = await ScenarioAsync();
        var cut = await RenderAsync(assistant, admin);
        await Get<KnowledgeBase>().AddAsync(Principal(admin), assistant.Id, "handbook.md",
            Encoding.UTF8.GetBytes("To reset your password, open the account page and choose Forgot password."));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=evaluation-run]")));
        cut.ClickWhenReady(() => cut.Find("[data-testid=evaluation-run]"));

        // The run is listed first; the comparison with it loads after.
        cut.WaitForAssertion(() =>
        {
            Assert.Contains("1 of 1", cut.Find("[data-testid=evaluation-runs]").TextContent);
            Assert.Single(cut.FindAll("[data-testid=evaluation-comparison-row]"));
        });
        await using var db = Database.CreateDbContext();
        Assert.Equal(1, (await db.EvaluationRuns.SingleAsync()).PassedCount);
    }

    [Fact]
    public async Task Comparison_of_the_latest_runs_highlights_the_regression()
    {
        var (assistant, admin) = await ScenarioAsync();
        SignInWithRealAuthorization(admin);
        Services.AddKnowledgeAndChat(new ConfigurationBuilder().Build());
        Services.AddEvaluation();
        var user = Principal(admin);
        var (documentId, _) = await Get<KnowledgeBase>().AddAsync(user, assistant.Id, "handbook.md",
            Encoding.UTF8.GetBytes("To reset your password, open the account page and choose Forgot password."));
        Assert.True((await Get<RunEvaluation>().ExecuteAsync(user, assistant.Id)).Succeeded);
        await Get<KnowledgeBase>().DeleteAsync(user, assistant.Id, documentId!.Value);
        Clock.Now = Clock.Now.AddMinutes(1);
        Assert.True((await Get<RunEvaluation>().ExecuteAsync(user, assistant.Id)).Succeeded);
        var access = await ResolveAsync(admin, assistant);

        var cut = Render<EvaluationTab>(p => p.Add(c => c.AssistantId, assistant.Id).Add(c => c.Access, access));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=evaluation-regression]")));
        var row = cut.Find("[data-testid=evaluation-regression]");
        Assert.Contains("How do I reset my password?", row.TextContent);
        Assert.Contains("Regression", row.TextContent);
        Assert.Contains("Passed", row.Children[1].TextContent);
        Assert.Contains("Failed", row.Children[2].TextContent);
        Assert.Contains("1 question(s) passed in run", cut.Find("[data-testid=evaluation-regression-summary]").TextContent);
    }

    [Fact]
    public async Task Adding_a_case_without_expectations_shows_the_message_next_to_the_field_and_adds_nothing()
    {
        var (assistant, admin) = await ScenarioAsync();
        var cut = await RenderAsync(assistant, admin);
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("#evaluation-input-question")));

        cut.ChangeWhenReady(() => cut.Find("#evaluation-input-question"), "Is there a canteen?");
        cut.SubmitWhenReady(() => cut.Find("form"));

        cut.WaitForAssertion(() => Assert.Contains("Enter an expected answer or at least one key phrase.", cut.Markup));
        await using var db = Database.CreateDbContext();
        Assert.Equal(1, await db.EvaluationTestCases.CountAsync());
    }

    [Fact]
    public async Task Adding_a_valid_case_lists_it()
    {
        var (assistant, admin) = await ScenarioAsync();
        var cut = await RenderAsync(assistant, admin);
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("#evaluation-input-question")));

        cut.ChangeWhenReady(() => cut.Find("#evaluation-input-question"), "Is there a canteen?");
        cut.ChangeWhenReady(() => cut.Find("#evaluation-input-phrases"), "canteen");
        cut.SubmitWhenReady(() => cut.Find("form"));

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=evaluation-question]").Count));
        Assert.Contains("Is there a canteen?", cut.Markup);
    }
}
