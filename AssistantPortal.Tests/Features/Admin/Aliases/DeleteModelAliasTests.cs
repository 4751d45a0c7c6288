using AssistantPortal.Data;
using AssistantPortal.Features.Admin.Aliases;
using AssistantPortal.Features.Organizations;
using AssistantPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AssistantPortal.Tests.Features.Admin.Aliases.AliasTestServices;
using static AssistantPortal.Tests.Features.Assistants.AssistantTestServices;

namespace AssistantPortal.Tests.Features.Admin.Aliases;

public sealed class DeleteModelAliasTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private readonly Seed _seed;
    private readonly ServiceProvider _services;
    private ChatModelAlias _alias = null!;

    public DeleteModelAliasTests()
    {
        _seed = new Seed(_database);
        _services = new ServiceCollection().AddAliasFeature(_database).BuildServiceProvider();
    }

    public async Task InitializeAsync() => _alias = await StoreAsync(_database, "gpt");

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private Task<CommandResult> DeleteAsync(ApplicationUser user) =>
        _services.GetRequiredService<DeleteModelAlias>().ExecuteAsync(Principal(user), _alias.Id);

    [Fact]
    public async Task Delete_AliasInUse_MovesItsAssistantsToDefaultAndAuditsHowMany()
    {
        var admin = await _seed.UserAsync("gina", GlobalRole.GlobalAdmin);
        var owner = await _seed.UserAsync("olivia");
        var first = await _seed.AssistantAsync(owner, "First");
        var second = await _seed.AssistantAsync(owner, "Second");
        var offline = await _seed.AssistantAsync(owner, "Offline");
        await UseAliasAsync(_database, first, "gpt");
        await UseAliasAsync(_database, second, "gpt");
        await UseAliasAsync(_database, offline, "offline");

        var result = await DeleteAsync(admin);

        Assert.True(result.Succeeded);
        await using var db = _database.CreateDbContext();
        Assert.False(await db.ChatModelAliases.AnyAsync());
        Assert.Equal(["default", "default", "offline"], [ModelAliasOf(_database, first.Id), ModelAliasOf(_database, second.Id), ModelAliasOf(_database, offline.Id)]);
        var entry = await db.AuditEntries.SingleAsync();
        Assert.Equal((AuditAction.ModelAliasDeleted, "gpt"), (entry.Action, entry.Target));
        Assert.Contains("2 assistant(s) moved to \"default\"", entry.Details);
    }

    [Fact]
    public async Task Delete_AsUser_IsNotFoundAndKeepsTheAlias()
    {
        var user = await _seed.UserAsync("uma");

        var result = await DeleteAsync(user);

        Assert.Equal(CommandStatus.NotFound, result.Status);
        await using var db = _database.CreateDbContext();
        Assert.True(await db.ChatModelAliases.AnyAsync());
        Assert.False(await db.AuditEntries.AnyAsync());
    }
}
