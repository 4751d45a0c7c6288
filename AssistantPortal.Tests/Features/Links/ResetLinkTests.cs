using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Links;
using Microsoft.EntityFrameworkCore;
using static AssistantPortal.Tests.Features.KeysAndLinksServices;

namespace AssistantPortal.Tests.Features.Links;

public sealed class ResetLinkTests : UseCaseTestBase
{
    [Fact]
    public async Task ResetViewLink_AsReadWrite_HandsOutALinkThatGivesUseOnly()
    {
        var owner = await Seed.UserAsync("olga");
        var editor = await Seed.UserAsync("ed");
        var assistant = await Seed.AssistantAsync(owner, publicAccess: PublicAccess.Everyone);
        await Seed.GrantAsync(assistant, editor, AccessLevel.ReadWrite);

        var token = await Get<ResetViewLink>().ExecuteAsync(Principal(editor), assistant.Id);

        Assert.True(LinkTokens.IsWellFormed(token));
        var access = await new AccessResolver(Database).ResolveAsync(new Viewer(null, token), assistant.Id);
        Assert.Equal(AccessLevel.UseOnly, access.Level);
        Assert.Equal([assistant.Id], Events.Published);
        await using var db = Database.CreateDbContext();
        var entry = await db.AuditEntries.SingleAsync();
        Assert.Equal(AuditAction.LinkReset, entry.Action);
        Assert.Equal("view link handed out", entry.Details);
        Assert.DoesNotContain(token, entry.Details);
    }

    [Fact]
    public async Task ResetViewLink_Again_InvalidatesTheOldLinkAtOnce()
    {
        var owner = await Seed.UserAsync("olga");
        var assistant = await Seed.AssistantAsync(owner, publicAccess: PublicAccess.Everyone);
        var reset = Get<ResetViewLink>();
        var old = await reset.ExecuteAsync(Principal(owner), assistant.Id);

        var fresh = await reset.ExecuteAsync(Principal(owner), assistant.Id);

        Assert.NotEqual(old, fresh);
        var resolver = new AccessResolver(Database);
        Assert.Equal(AccessLevel.None, (await resolver.ResolveAsync(new Viewer(null, old), assistant.Id)).Level);
        Assert.Equal(AccessLevel.UseOnly, (await resolver.ResolveAsync(new Viewer(null, fresh), assistant.Id)).Level);
        await using var db = Database.CreateDbContext();
        Assert.Equal("view link reset; the old link no longer works",
            await db.AuditEntries.OrderBy(e => e.Id).Select(e => e.Details).LastAsync());
    }

    [Fact]
    public async Task ResetEditLink_AsReadWrite_IsRefusedAndNothingChanges()
    {
        var owner = await Seed.UserAsync("olga");
        var editor = await Seed.UserAsync("ed");
        var assistant = await Seed.AssistantAsync(owner);
        await Seed.GrantAsync(assistant, editor, AccessLevel.ReadWrite);

        await Assert.ThrowsAsync<AssistantNotFoundException>(() => Get<ResetEditLink>().ExecuteAsync(Principal(editor), assistant.Id));

        await using var db = Database.CreateDbContext();
        Assert.Null(await db.Assistants.Where(a => a.Id == assistant.Id).Select(a => a.EditLinkToken).SingleAsync());
        Assert.Equal(0, await db.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task ResetEditLink_AsOwner_HandsOutALinkThatGivesSignedInHoldersReadAndWrite()
    {
        var owner = await Seed.UserAsync("olga");
        var stranger = await Seed.UserAsync("sam");
        var assistant = await Seed.AssistantAsync(owner, publicAccess: PublicAccess.Everyone);

        var token = await Get<ResetEditLink>().ExecuteAsync(Principal(owner), assistant.Id);

        var resolver = new AccessResolver(Database);
        Assert.Equal(AccessLevel.ReadWrite, (await resolver.ResolveAsync(new Viewer(stranger.Id, token), assistant.Id)).Level);
        Assert.Equal(AccessLevel.None, (await resolver.ResolveAsync(new Viewer(null, token), assistant.Id)).Level);
        await using var db = Database.CreateDbContext();
        Assert.Equal("edit link handed out", (await db.AuditEntries.SingleAsync()).Details);
    }

    [Fact]
    public async Task ResetViewLink_AsReadOnly_IsNotFound()
    {
        var owner = await Seed.UserAsync("olga");
        var reader = await Seed.UserAsync("rita");
        var assistant = await Seed.AssistantAsync(owner);
        await Seed.GrantAsync(assistant, reader, AccessLevel.ReadOnly);

        await Assert.ThrowsAsync<AssistantNotFoundException>(() => Get<ResetViewLink>().ExecuteAsync(Principal(reader), assistant.Id));
    }
}
