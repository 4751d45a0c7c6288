using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Sharing;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Tests.Features.Sharing;

public sealed class ShareWithUserTests : SharingFixture
{
    [Fact]
    public async Task ShareWithUser_AsOwner_GrantsAtOnceWithAuditNotificationAndEmailInOneSave()
    {
        var owner = await Seed.UserAsync("olivia");
        var bob = await Seed.UserAsync("bob");
        var assistant = await Seed.AssistantAsync(owner, "Helpdesk");

        var result = await Get<ShareWithUser>().ExecuteAsync(As(owner), assistant.Id, "Bob", AccessLevel.ReadOnly);

        Assert.Equal(SharingOutcome.Granted, result.Outcome);
        await using var db = Db();
        var grant = await db.AssistantUserGrants.SingleAsync();
        Assert.Equal((bob.Id, AccessLevel.ReadOnly, owner.Id), (grant.UserId, grant.Level, grant.GrantedByUserId));
        var entry = await db.AuditEntries.SingleAsync();
        Assert.Equal((AuditAction.UserGrantAdded, "olivia", "bob", "Read only"), (entry.Action, entry.ActorName, entry.Target, entry.Details));
        var notification = await db.Notifications.SingleAsync();
        Assert.Equal((bob.Id, NotificationKind.SharedWithYou, assistant.Id), (notification.UserId, notification.Kind, notification.AssistantId));
        var mail = await db.OutboxMessages.SingleAsync();
        Assert.Equal("bob@example.test", mail.To);
        Assert.Contains("https://portal.test/assistants/" + assistant.Id, mail.TextBody);
    }

    [Fact]
    public async Task ShareWithUser_UnknownUser_IsRefusedWithAMessageAndChangesNothing()
    {
        var owner = await Seed.UserAsync("olivia");
        var assistant = await Seed.AssistantAsync(owner);
        var before = await CountsAsync();

        var result = await Get<ShareWithUser>().ExecuteAsync(As(owner), assistant.Id, "nobody", AccessLevel.ReadOnly);

        Assert.Equal((SharingField.Target, "There is no user named \"nobody\"."), (result.Field, result.Error));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task ShareWithUser_WithOneself_IsRefusedWithAMessageAndChangesNothing()
    {
        var owner = await Seed.UserAsync("olivia");
        var rita = await Seed.UserAsync("rita");
        var assistant = await Seed.AssistantAsync(owner);
        await Seed.GrantAsync(assistant, rita, AccessLevel.ReadWrite);
        var before = await CountsAsync();

        var result = await Get<ShareWithUser>().ExecuteAsync(As(rita), assistant.Id, "rita", AccessLevel.ReadOnly);

        Assert.Equal((SharingField.Target, "You cannot share with yourself."), (result.Field, result.Error));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task ShareWithUser_WithTheOwner_IsRefusedWithAMessageAndChangesNothing()
    {
        var owner = await Seed.UserAsync("olivia");
        var rita = await Seed.UserAsync("rita");
        var assistant = await Seed.AssistantAsync(owner);
        await Seed.GrantAsync(assistant, rita, AccessLevel.ReadWrite);
        var before = await CountsAsync();

        var result = await Get<ShareWithUser>().ExecuteAsync(As(rita), assistant.Id, "olivia", AccessLevel.ReadOnly);

        Assert.Equal((SharingField.Target, "olivia owns this assistant."), (result.Field, result.Error));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task ShareWithUser_LevelAboveOwnLevel_IsRefusedWithAMessageAndChangesNothing()
    {
        var owner = await Seed.UserAsync("olivia");
        var rita = await Seed.UserAsync("rita");
        await Seed.UserAsync("bob");
        var assistant = await Seed.AssistantAsync(owner);
        await Seed.GrantAsync(assistant, rita, AccessLevel.ReadWrite);
        var before = await CountsAsync();

        var result = await Get<ShareWithUser>().ExecuteAsync(As(rita), assistant.Id, "bob", AccessLevel.Owner);

        Assert.Equal((SharingField.Level, "You cannot grant more than your own access (Read and write)."), (result.Field, result.Error));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task ShareWithUser_OwnerLevelAsOwner_IsRefusedBecauseOwnershipOnlyMovesByTransfer()
    {
        var owner = await Seed.UserAsync("olivia");
        await Seed.UserAsync("bob");
        var assistant = await Seed.AssistantAsync(owner);
        var before = await CountsAsync();

        var result = await Get<ShareWithUser>().ExecuteAsync(As(owner), assistant.Id, "bob", AccessLevel.Owner);

        Assert.Equal(SharingField.Level, result.Field);
        Assert.Contains("transfer", result.Error);
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task ShareWithUser_AlreadyShared_IsRefusedWithAMessageAndChangesNothing()
    {
        var owner = await Seed.UserAsync("olivia");
        var bob = await Seed.UserAsync("bob");
        var assistant = await Seed.AssistantAsync(owner);
        await Seed.GrantAsync(assistant, bob, AccessLevel.UseOnly);
        var before = await CountsAsync();

        var result = await Get<ShareWithUser>().ExecuteAsync(As(owner), assistant.Id, "bob", AccessLevel.ReadOnly);

        Assert.Equal((SharingField.Target, "bob already has access: change the level in the list below."), (result.Field, result.Error));
        Assert.Equal(before, await CountsAsync());
        await using var db = Db();
        Assert.Equal(AccessLevel.UseOnly, (await db.AssistantUserGrants.SingleAsync()).Level);
    }

    [Fact]
    public async Task ShareWithUser_AsReadOnlyViewer_IsNotFoundAndChangesNothing()
    {
        var owner = await Seed.UserAsync("olivia");
        var reader = await Seed.UserAsync("reader");
        await Seed.UserAsync("bob");
        var assistant = await Seed.AssistantAsync(owner);
        await Seed.GrantAsync(assistant, reader, AccessLevel.ReadOnly);
        var before = await CountsAsync();

        await Assert.ThrowsAsync<AssistantNotFoundException>(() =>
            Get<ShareWithUser>().ExecuteAsync(As(reader), assistant.Id, "bob", AccessLevel.UseOnly));

        Assert.Equal(before, await CountsAsync());
    }
}
