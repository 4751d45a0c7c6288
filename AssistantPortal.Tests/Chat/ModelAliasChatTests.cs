using AssistantPortal.Data;
using AssistantPortal.Features.Chat;
using AssistantPortal.Features.Knowledge;
using AssistantPortal.Tests.Features;
using AssistantPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static AssistantPortal.Tests.Features.Admin.Aliases.AliasTestServices;
using static AssistantPortal.Tests.Features.KeysAndLinksServices;

namespace AssistantPortal.Tests.Chat;

/// <summary>
/// The chat use case as the app wires it, for an assistant whose alias is an OpenAI-compatible endpoint:
/// the answer streams from a real endpoint on a loopback port and is logged like any other exchange.
/// </summary>
public sealed class ModelAliasChatTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private readonly Seed _seed;
    private readonly ServiceProvider _services;
    private FakeOpenAiServer _server = null!;

    public ModelAliasChatTests()
    {
        _seed = new Seed(_database);
        _services = new ServiceCollection()
            .AddKeysAndLinks(_database, new ManualClock(Start), new RecordingAccessChangeEvents())
            .AddKnowledgeAndChat(new ConfigurationBuilder().Build())
            .BuildServiceProvider();
    }

    public async Task InitializeAsync() => _server = await FakeOpenAiServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Ask_WithEndpointAlias_StreamsTheEndpointsAnswerAndLogsIt()
    {
        var owner = await _seed.UserAsync("olga");
        var assistant = await _seed.AssistantAsync(owner);
        await StoreAsync(_database, "gpt", _server.Endpoint, "alias-model");
        await UseAliasAsync(_database, assistant, "gpt");
        var deltas = new List<string>();

        var answer = await _services.GetRequiredService<AssistantChat>().AskAsync(
            assistant.Id, Asker.User(owner.Id, "olga"), null, "How do I reset my password?", d => { deltas.Add(d); return Task.CompletedTask; });

        Assert.Equal(FakeOpenAiServer.AnswerFor("alias-model"), answer.Exchange.Answer);
        Assert.True(deltas.Count > 1);
        Assert.True(Assert.Single(_server.Requests).Stream);
        await using var db = _database.CreateDbContext();
        Assert.Equal(FakeOpenAiServer.AnswerFor("alias-model"), (await db.ChatExchanges.SingleAsync()).Answer);
    }

    [Fact]
    public async Task Ask_WithOfflineAlias_NeverCallsTheEndpoint()
    {
        var owner = await _seed.UserAsync("olga");
        var assistant = await _seed.AssistantAsync(owner);
        await StoreAsync(_database, "gpt", _server.Endpoint, "alias-model");
        await UseAliasAsync(_database, assistant, "offline");

        var answer = await _services.GetRequiredService<AssistantChat>().AskAsync(assistant.Id, Asker.User(owner.Id, "olga"), null, "Hello?");

        Assert.NotEqual(FakeOpenAiServer.AnswerFor("alias-model"), answer.Exchange.Answer);
        Assert.Empty(_server.Requests);
    }
}
