using AssistantPortal.Data;
using AssistantPortal.Features.Chat;
using AssistantPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;
using static AssistantPortal.Tests.Features.Admin.Aliases.AliasTestServices;

namespace AssistantPortal.Tests.Chat;

/// <summary>
/// Which chat client answers an assistant, per model alias: the offline engine, the configured endpoint
/// behind "default", or a stored alias's endpoint with its (unprotected) key, all against a real
/// OpenAI-compatible endpoint on a loopback port.
/// </summary>
public sealed class ChatClientProviderTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private readonly ModelAliasKeys _keys = new(new EphemeralDataProtectionProvider());
    private FakeOpenAiServer _server = null!;

    public async Task InitializeAsync() => _server = await FakeOpenAiServer.StartAsync();

    public async Task DisposeAsync()
    {
        await _server.DisposeAsync();
        await _database.DisposeAsync();
    }

    private ChatClientProvider Provider(ChatEngineOptions? configured = null) =>
        new(Options.Create(configured ?? new ChatEngineOptions()), _database, _keys);

    private static Assistant Using(string alias) => new() { Id = 7, Name = "Helper", ModelAlias = alias };

    private static async Task<string> AskAsync(IChatClient client) =>
        (await client.GetResponseAsync([new ChatMessage(ChatRole.User, "Hi")])).Text;

    [Fact]
    public async Task Offline_IsTheRetrievalEngineEvenWithAnEndpointConfigured()
    {
        var provider = Provider(new ChatEngineOptions { Endpoint = _server.Endpoint, Model = "configured-model" });

        Assert.IsType<RetrievalChatClient>(await provider.ForAsync(Using("offline")));
    }

    [Fact]
    public async Task Default_WithoutConfiguredEndpoint_IsTheRetrievalEngine()
    {
        Assert.IsType<RetrievalChatClient>(await Provider().ForAsync(Using("default")));
    }

    [Fact]
    public async Task Default_WithConfiguredEndpoint_AsksThatEndpointWithTheConfiguredModelAndKey()
    {
        var provider = Provider(new ChatEngineOptions { Endpoint = _server.Endpoint, Model = "configured-model", ApiKey = "sk-config" });

        var answer = await AskAsync(await provider.ForAsync(Using("default")));

        Assert.Equal(FakeOpenAiServer.AnswerFor("configured-model"), answer);
        var request = Assert.Single(_server.Requests);
        Assert.Equal(("Bearer sk-config", "configured-model"), (request.Authorization, request.Model));
    }

    [Fact]
    public async Task StoredAlias_AsksItsEndpointWithItsModelAndUnprotectedKey()
    {
        await StoreAsync(_database, "gpt", _server.Endpoint, "alias-model", _keys.Protect("sk-alias-secret"));

        var answer = await AskAsync(await Provider().ForAsync(Using("gpt")));

        Assert.Equal(FakeOpenAiServer.AnswerFor("alias-model"), answer);
        var request = Assert.Single(_server.Requests);
        Assert.Equal(("Bearer sk-alias-secret", "alias-model"), (request.Authorization, request.Model));
    }

    [Fact]
    public async Task StoredAlias_Streams()
    {
        await StoreAsync(_database, "gpt", _server.Endpoint, "alias-model");

        var client = await Provider().ForAsync(Using("gpt"));
        var pieces = new List<string>();
        await foreach (var update in client.GetStreamingResponseAsync([new ChatMessage(ChatRole.User, "Hi")]))
        {
            pieces.Add(update.Text);
        }

        Assert.Equal(FakeOpenAiServer.AnswerFor("alias-model"), string.Concat(pieces));
        Assert.True(Assert.Single(_server.Requests).Stream);
    }

    [Fact]
    public async Task UnknownAlias_IsTheRetrievalEngine()
    {
        Assert.IsType<RetrievalChatClient>(await Provider().ForAsync(Using("gone")));
    }

    [Fact]
    public async Task AliasWhoseKeyCannotBeRead_IsTheRetrievalEngine()
    {
        var otherKeyRing = new ModelAliasKeys(new EphemeralDataProtectionProvider());
        await StoreAsync(_database, "gpt", _server.Endpoint, "alias-model", otherKeyRing.Protect("sk-lost"));

        Assert.IsType<RetrievalChatClient>(await Provider().ForAsync(Using("gpt")));
    }

    [Fact]
    public async Task StoredAlias_IsCachedUntilItsVersionChanges()
    {
        var alias = await StoreAsync(_database, "gpt", _server.Endpoint, "first-model");
        var provider = Provider();

        var first = await provider.ForAsync(Using("gpt"));
        Assert.Same(first, await provider.ForAsync(Using("gpt")));

        await using (var db = _database.CreateDbContext())
        {
            await db.ChatModelAliases.Where(a => a.Id == alias.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.Model, "second-model").SetProperty(a => a.Version, a => a.Version + 1));
        }
        var second = await provider.ForAsync(Using("gpt"));

        Assert.NotSame(first, second);
        Assert.Equal(FakeOpenAiServer.AnswerFor("second-model"), await AskAsync(second));
    }
}
