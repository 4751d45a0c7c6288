using AssistantPortal.Data;
using AssistantPortal.Features.Sharing;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Tests.Features.Sharing;

/// <summary><see cref="ChangeUserGrantLevel"/> and <see cref="RemoveUserGrant"/>.</summary>
public sealed class UserGrantChangesTests : SharingFixture
{
    [Fact]
    public async Task ChangeUserGrantLevel_AsReadWriteSharer_ChangesAtOnceAndAudits()
    {
        var owner = await Seed.UserAsync("olivia");
        var rita = await Seed.UserAsync("rita");
        var bob = await Seed.UserAsync("bob");
        var assistant = await Seed.AssistantAsync(owner);
        await Seed.GrantAsync(assistant, rita, AccessLevel.ReadWrite);
        await Seed.GrantAsync(assistant, bob, AccessLevel.UseOnly);
        await using var db = Db();
        var grantId = (await db.AssistantUserGrants.SingleAsync(g => g.UserId == bob.Id)).Id;

        var result = await Get<ChangeUserGrantLevel>().ExecuteAsync(As(rita), assistant.Id, grantId, AccessLevel.ReadWrite);

        Assert.Equal(SharingOutcome.Changed, result.Outcome);
        Assert.Equal(AccessLevel.ReadWrite, (await db.AssistantUserGrants.AsNoTracking().SingleAsync(g => g.Id == grantId)).Level);
        var entry = await db.AuditEntries.SingleAsync();
        Assert.Equal((AuditAction.UserGrantChanged, "bob", "Use only → Read and write"), (entry.Action, entry.Target, entry.Details));
    }

    [Fact]
    public async Task RemoveUserGrant_AsOwner_RemovesAtOnceAndAudits()
    {
        var owner = await Seed.UserAsync("olivia");
        var bob = await Seed.UserAsync("bob");
        var assistant = await Seed.AssistantAsync(owner);
        await Seed.GrantAsync(assistant, bob, AccessLevel.ReadOnly);
        await using var db = Db();
        var grantId = (await db.AssistantUserGrants.SingleAsync()).Id;

        var result = await Get<RemoveUserGrant>().ExecuteAsync(As(owner), assistant.Id, grantId);

        Assert.Equal(SharingOutcome.Removed, result.Outcome);
        Assert.Empty(await db.AssistantUserGrants.ToListAsync());
        Assert.Equal(AuditAction.UserGrantRemoved, (await db.AuditEntries.SingleAsync()).Action);
    }
}
