using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.ApiKeys;
using Microsoft.EntityFrameworkCore;
using static AssistantPortal.Tests.Features.KeysAndLinksServices;

namespace AssistantPortal.Tests.Features.ApiKeys;

public sealed class DeleteApiKeyTests : UseCaseTestBase
{
    [Fact]
    public async Task DeleteApiKey_AsReadWrite_RemovesTheKeySoItFailsOnItsNextRequest()
    {
        var owner = await Seed.UserAsync("olga");
        var editor = await Seed.UserAsync("ed");
        var assistant = await Seed.AssistantAsync(owner);
        await Seed.GrantAsync(assistant, editor, AccessLevel.ReadWrite);
        var key = (await Get<CreateApiKey>().ExecuteAsync(Principal(owner), assistant.Id, "Webhook", AccessLevel.UseOnly)).Key!;
        Assert.NotNull(await Get<ApiKeyValidator>().ValidateAsync(key.Secret));

        var deleted = await Get<DeleteApiKey>().ExecuteAsync(Principal(editor), assistant.Id, key.Id);

        Assert.True(deleted);
        Assert.Null(await Get<ApiKeyValidator>().ValidateAsync(key.Secret));
        await using var db = Database.CreateDbContext();
        Assert.Equal(0, await db.ApiKeys.CountAsync());
    }

    [Fact]
    public async Task DeleteApiKey_RecordsApiKeyDeletedInTheAuditLog()
    {
        var owner = await Seed.UserAsync("olga");
        var assistant = await Seed.AssistantAsync(owner, "Helpdesk");
        var key = (await Get<CreateApiKey>().ExecuteAsync(Principal(owner), assistant.Id, "Webhook", AccessLevel.ReadOnly)).Key!;

        await Get<DeleteApiKey>().ExecuteAsync(Principal(owner), assistant.Id, key.Id);

        await using var db = Database.CreateDbContext();
        var entry = await db.AuditEntries.SingleAsync(e => e.Action == AuditAction.ApiKeyDeleted);
        Assert.Equal("olga", entry.ActorName);
        Assert.Equal("Helpdesk", entry.AssistantName);
        Assert.Equal("Webhook", entry.Target);
        Assert.Contains("Read only", entry.Details);
    }

    [Fact]
    public async Task DeleteApiKey_AsReadOnly_IsNotFoundAndKeepsTheKey()
    {
        var owner = await Seed.UserAsync("olga");
        var reader = await Seed.UserAsync("rita");
        var assistant = await Seed.AssistantAsync(owner);
        await Seed.GrantAsync(assistant, reader, AccessLevel.ReadOnly);
        var key = (await Get<CreateApiKey>().ExecuteAsync(Principal(owner), assistant.Id, "Webhook", AccessLevel.UseOnly)).Key!;

        await Assert.ThrowsAsync<AssistantNotFoundException>(() => Get<DeleteApiKey>().ExecuteAsync(Principal(reader), assistant.Id, key.Id));

        Assert.NotNull(await Get<ApiKeyValidator>().ValidateAsync(key.Secret));
    }

    [Fact]
    public async Task DeleteApiKey_ThroughAnotherAssistant_DeletesNothing()
    {
        var owner = await Seed.UserAsync("olga");
        var first = await Seed.AssistantAsync(owner, "First");
        var second = await Seed.AssistantAsync(owner, "Second");
        var key = (await Get<CreateApiKey>().ExecuteAsync(Principal(owner), first.Id, "Webhook", AccessLevel.UseOnly)).Key!;

        var deleted = await Get<DeleteApiKey>().ExecuteAsync(Principal(owner), second.Id, key.Id);

        Assert.False(deleted);
        Assert.NotNull(await Get<ApiKeyValidator>().ValidateAsync(key.Secret));
    }
}
