using AssistantPortal.Data;
using AssistantPortal.Features.Admin.Aliases;
using AssistantPortal.Features.Chat;
using AssistantPortal.Features.Organizations;
using AssistantPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AssistantPortal.Tests.Features.Admin.Aliases.AliasTestServices;
using static AssistantPortal.Tests.Features.Assistants.AssistantTestServices;

namespace AssistantPortal.Tests.Features.Admin.Aliases;

public sealed class UpdateModelAliasTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private readonly Seed _seed;
    private readonly ServiceProvider _services;
    private ApplicationUser _admin = null!;
    private ChatModelAlias _alias = null!;

    public UpdateModelAliasTests()
    {
        _seed = new Seed(_database);
        _services = new ServiceCollection().AddAliasFeature(_database).BuildServiceProvider();
    }

    private ModelAliasKeys Keys => _services.GetRequiredService<ModelAliasKeys>();

    public async Task InitializeAsync()
    {
        _admin = await _seed.UserAsync("adam", GlobalRole.ApplicationAdmin);
        _alias = await StoreAsync(_database, "gpt", protectedKey: Keys.Protect("sk-old"));
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private Task<CommandResult> UpdateAsync(ApplicationUser user, ModelAliasInput input, int? id = null) =>
        _services.GetRequiredService<UpdateModelAlias>().ExecuteAsync(Principal(user), id ?? _alias.Id, input);

    private async Task<ChatModelAlias> StoredAsync()
    {
        await using var db = _database.CreateDbContext();
        return await db.ChatModelAliases.AsNoTracking().SingleAsync(a => a.Id == _alias.Id);
    }

    private async Task AssertUnchangedAsync()
    {
        var stored = await StoredAsync();
        Assert.Equal(("gpt", "https://api.example.test/v1", "gpt-4o-mini", 1), (stored.Name, stored.Endpoint, stored.Model, stored.Version));
        Assert.Equal("sk-old", Keys.TryUnprotect(stored.ProtectedApiKey!));
        await using var db = _database.CreateDbContext();
        Assert.Equal(0, await db.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task Update_WithEmptyKey_KeepsTheStoredKeyAndAuditsTheChange()
    {
        var result = await UpdateAsync(_admin, Input(model: "gpt-4.1", endpoint: "https://other.example.test/v1"));

        Assert.True(result.Succeeded);
        var stored = await StoredAsync();
        Assert.Equal(("https://other.example.test/v1", "gpt-4.1", 2), (stored.Endpoint, stored.Model, stored.Version));
        Assert.Equal("sk-old", Keys.TryUnprotect(stored.ProtectedApiKey!));
        await using var db = _database.CreateDbContext();
        var entry = await db.AuditEntries.SingleAsync();
        Assert.Equal(AuditAction.ModelAliasChanged, entry.Action);
        Assert.Equal("Endpoint https://api.example.test/v1 → https://other.example.test/v1; model gpt-4o-mini → gpt-4.1.", entry.Details);
    }

    [Fact]
    public async Task Update_WithNewKey_ReplacesItWithoutAuditingTheKey()
    {
        var result = await UpdateAsync(_admin, Input(apiKey: "sk-new-SECRET"));

        Assert.True(result.Succeeded);
        var stored = await StoredAsync();
        Assert.Equal("sk-new-SECRET", Keys.TryUnprotect(stored.ProtectedApiKey!));
        Assert.DoesNotContain("SECRET", stored.ProtectedApiKey);
        await using var db = _database.CreateDbContext();
        Assert.Equal("API key replaced.", (await db.AuditEntries.SingleAsync()).Details);
    }

    [Fact]
    public async Task Update_WithRemoveKey_ForgetsIt()
    {
        var input = Input();
        input.RemoveApiKey = true;

        await UpdateAsync(_admin, input);

        Assert.Null((await StoredAsync()).ProtectedApiKey);
    }

    [Fact]
    public async Task Update_WithoutChanges_WritesNothing()
    {
        var result = await UpdateAsync(_admin, Input());

        Assert.True(result.Succeeded);
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task Rename_MovesTheAssistantsThatUseTheAlias()
    {
        var owner = await _seed.UserAsync("olivia");
        var user = await _seed.AssistantAsync(owner, "Uses gpt");
        var other = await _seed.AssistantAsync(owner, "Uses offline");
        await UseAliasAsync(_database, user, "gpt");
        await UseAliasAsync(_database, other, "offline");

        var result = await UpdateAsync(_admin, Input(name: "gpt4"));

        Assert.True(result.Succeeded);
        Assert.Equal("gpt4", (await StoredAsync()).Name);
        Assert.Equal("gpt4", ModelAliasOf(_database, user.Id));
        Assert.Equal("offline", ModelAliasOf(_database, other.Id));
    }

    [Fact]
    public async Task Rename_ToAnotherAliasName_SaysItExistsAndChangesNothing()
    {
        await StoreAsync(_database, "llama");

        var result = await UpdateAsync(_admin, Input(name: "llama", apiKey: "sk-new"));

        Assert.Equal("An alias named \"llama\" already exists.", result.ErrorFor(nameof(ModelAliasInput.Name)));
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task Update_WithMalformedEndpoint_SaysWhyAndChangesNothing()
    {
        var result = await UpdateAsync(_admin, Input(endpoint: "mailto:admin@example.test", apiKey: "sk-new"));

        Assert.Equal(ModelAliasRules.MalformedEndpoint, result.ErrorFor(nameof(ModelAliasInput.Endpoint)));
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task Update_AsUser_IsNotFoundAndChangesNothing()
    {
        var user = await _seed.UserAsync("uma");

        var result = await UpdateAsync(user, Input(model: "hijacked", apiKey: "sk-evil"));

        Assert.Equal(CommandStatus.NotFound, result.Status);
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task Update_OfUnknownAlias_IsNotFound()
    {
        var result = await UpdateAsync(_admin, Input(), id: _alias.Id + 100);

        Assert.Equal(CommandStatus.NotFound, result.Status);
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task Update_OfAnAliasChangedSinceTheFormOpened_SaysSoAndChangesNothing()
    {
        var input = Input(model: "stale-model", apiKey: "sk-stale");
        input.ExpectedVersion = _alias.Version + 1;

        var result = await UpdateAsync(_admin, input);

        Assert.Equal(UpdateModelAlias.ChangedMeanwhile, result.ErrorFor(""));
        await AssertUnchangedAsync();
    }
}
