using System.Security.Claims;
using System.Text;
using AssistantPortal.Data;
using AssistantPortal.Features.Evaluation;
using AssistantPortal.Features.Knowledge;
using AssistantPortal.Tests.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static AssistantPortal.Tests.Features.KeysAndLinksServices;

namespace AssistantPortal.Tests.Features.Evaluation;

/// <summary>
/// The evaluation use cases on a real migrated SQLite file with the real resolver, authorization,
/// knowledge base, retrieval and offline chat engine. Only the clock and change events are doubles.
/// </summary>
public abstract class EvaluationTestBase : IAsyncLifetime
{
    public const string Handbook = """
        # Helpdesk handbook

        To reset your password, open the account page and choose Forgot password. The link expires after one hour.
        """;

    public const string Holidays = """
        # Office hours

        The office is closed on public holidays and opens at nine on weekdays.
        """;

    protected EvaluationTestBase()
    {
        Database = new TestDatabase();
        Seed = new Seed(Database);
        Services = new ServiceCollection()
            .AddKeysAndLinks(Database, Clock, new RecordingAccessChangeEvents())
            .AddKnowledgeAndChat(new ConfigurationBuilder().Build())
            .AddEvaluation()
            .BuildServiceProvider();
    }

    protected TestDatabase Database { get; }
    protected Seed Seed { get; }
    protected ManualClock Clock { get; } = new(Start);
    protected ServiceProvider Services { get; }

    protected T Get<T>() where T : notnull => Services.CreateScope().ServiceProvider.GetRequiredService<T>();

    /// <summary>An assistant owned by a plain user, a Global Admin, and the admin's principal.</summary>
    protected async Task<(Assistant Assistant, ApplicationUser Owner, ClaimsPrincipal Admin)> ScenarioAsync()
    {
        var owner = await Seed.UserAsync("olga");
        var admin = await Seed.UserAsync("gaby", GlobalRole.GlobalAdmin);
        var assistant = await Seed.AssistantAsync(owner);
        return (assistant, owner, Principal(admin));
    }

    protected async Task<int> AddDocumentAsync(ClaimsPrincipal user, Assistant assistant, string fileName, string text)
    {
        var (id, error) = await Get<KnowledgeBase>().AddAsync(user, assistant.Id, fileName, Encoding.UTF8.GetBytes(text));
        Assert.Null(error);
        return id!.Value;
    }

    protected async Task<int> AddTestCaseAsync(ClaimsPrincipal user, Assistant assistant, string question, string expected = "", string phrases = "")
    {
        var result = await Get<SaveTestCase>().ExecuteAsync(user, assistant.Id,
            new SaveTestCase.Input { Question = question, ExpectedAnswer = expected, KeyPhrases = phrases });
        Assert.True(result.Succeeded, string.Join(" ", result.Errors.SelectMany(e => e.Value)));
        return result.Value;
    }

    protected async Task<int> RunAsync(ClaimsPrincipal user, Assistant assistant)
    {
        // Each run starts a minute after the last, as runs started by a person would.
        Clock.Now = Clock.Now.AddMinutes(1);
        var result = await Get<RunEvaluation>().ExecuteAsync(user, assistant.Id);
        Assert.True(result.Succeeded);
        return result.Value;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await Services.DisposeAsync();
        await Database.DisposeAsync();
    }
}
