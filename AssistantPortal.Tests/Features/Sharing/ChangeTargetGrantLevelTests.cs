using AssistantPortal.Data;
using AssistantPortal.Features.Sharing;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Tests.Features.Sharing;

public sealed class ChangeTargetGrantLevelTests : SharingFixture
{
    private ApplicationUser _owner = null!, _tom = null!, _val = null!;
    private Assistant _assistant = null!;
    private int _grantId;

    /// <summary>Team Support (owner tom, viewer val) already has Use only on olivia's assistant.</summary>
    private async Task ArrangeAsync()
    {
        _owner = await Seed.UserAsync("olivia");
        _tom = await Seed.UserAsync("tom");
        _val = await Seed.UserAsync("val");
        var contoso = await Seed.OrganizationAsync("Contoso");
        var support = await Seed.TeamAsync(contoso, "Support", (_tom, TeamRole.Owner), (_val, TeamRole.Viewer));
        _assistant = await Seed.AssistantAsync(_owner);
        await Seed.GrantAsync(_assistant, support, AccessLevel.ReadOnly);
        await using var db = Db();
        _grantId = (await db.AssistantTeamGrants.SingleAsync()).Id;
    }

    private async Task<AccessLevel> GrantLevelAsync()
    {
        await using var db = Db();
        return (await db.AssistantTeamGrants.SingleAsync()).Level;
    }

    [Fact]
    public async Task Raise_AsNonApprover_GoesToReviewAndKeepsTheLevel()
    {
        await ArrangeAsync();

        var result = await Get<ChangeTargetGrantLevel>().ExecuteAsync(As(_owner), _assistant.Id, ShareTargetKind.Team, _grantId, AccessLevel.ReadWrite);

        Assert.Equal(SharingOutcome.PendingReview, result.Outcome);
        Assert.Equal(AccessLevel.ReadOnly, await GrantLevelAsync());
        await using var db = Db();
        var request = await db.ShareRequests.SingleAsync();
        Assert.Equal((AccessLevel.ReadWrite, ShareRequestStatus.Pending), (request.RequestedLevel, request.Status));
        Assert.Equal(_tom.Id, (await db.Notifications.SingleAsync(n => n.Kind == NotificationKind.RequestAwaitsReview)).UserId);
        Assert.Equal(AuditAction.ShareRequested, (await db.AuditEntries.SingleAsync()).Action);
    }

    [Fact]
    public async Task Raise_AsTeamOwner_IsImmediateAndTellsTheMembers()
    {
        await ArrangeAsync();
        await Seed.GrantAsync(_assistant, _tom, AccessLevel.ReadWrite);

        var result = await Get<ChangeTargetGrantLevel>().ExecuteAsync(As(_tom), _assistant.Id, ShareTargetKind.Team, _grantId, AccessLevel.ReadWrite);

        Assert.Equal(SharingOutcome.Changed, result.Outcome);
        Assert.Equal(AccessLevel.ReadWrite, await GrantLevelAsync());
        await using var db = Db();
        Assert.Empty(await db.ShareRequests.ToListAsync());
        var entry = await db.AuditEntries.SingleAsync();
        Assert.Equal((AuditAction.TeamGrantChanged, "Read only → Read and write"), (entry.Action, entry.Details));
        Assert.Equal(_val.Id, (await db.Notifications.SingleAsync()).UserId);
    }

    [Fact]
    public async Task Lower_AsNonApprover_IsImmediate()
    {
        await ArrangeAsync();

        var result = await Get<ChangeTargetGrantLevel>().ExecuteAsync(As(_owner), _assistant.Id, ShareTargetKind.Team, _grantId, AccessLevel.UseOnly);

        Assert.Equal(SharingOutcome.Changed, result.Outcome);
        Assert.Equal(AccessLevel.UseOnly, await GrantLevelAsync());
        await using var db = Db();
        Assert.Empty(await db.ShareRequests.ToListAsync());
        Assert.Equal(AuditAction.TeamGrantChanged, (await db.AuditEntries.SingleAsync()).Action);
    }

    [Fact]
    public async Task Remove_AsNonApprover_IsImmediateAndAudited()
    {
        await ArrangeAsync();

        var result = await Get<RemoveTargetGrant>().ExecuteAsync(As(_owner), _assistant.Id, ShareTargetKind.Team, _grantId);

        Assert.Equal(SharingOutcome.Removed, result.Outcome);
        await using var db = Db();
        Assert.Empty(await db.AssistantTeamGrants.ToListAsync());
        Assert.Equal(AuditAction.TeamGrantRemoved, (await db.AuditEntries.SingleAsync()).Action);
    }

    [Fact]
    public async Task Raise_AboveOwnLevel_IsRefusedWithAMessageAndChangesNothing()
    {
        await ArrangeAsync();
        var rita = await Seed.UserAsync("rita");
        await Seed.GrantAsync(_assistant, rita, AccessLevel.ReadWrite);
        var before = await CountsAsync();

        var result = await Get<ChangeTargetGrantLevel>().ExecuteAsync(As(rita), _assistant.Id, ShareTargetKind.Team, _grantId, AccessLevel.Owner);

        Assert.Equal(SharingField.Level, result.Field);
        Assert.Equal(before, await CountsAsync());
        Assert.Equal(AccessLevel.ReadOnly, await GrantLevelAsync());
    }

    [Fact]
    public async Task Raise_WhileARaiseIsPending_IsRefusedAsDuplicate()
    {
        await ArrangeAsync();
        await Get<ChangeTargetGrantLevel>().ExecuteAsync(As(_owner), _assistant.Id, ShareTargetKind.Team, _grantId, AccessLevel.ReadWrite);
        var before = await CountsAsync();

        var result = await Get<ChangeTargetGrantLevel>().ExecuteAsync(As(_owner), _assistant.Id, ShareTargetKind.Team, _grantId, AccessLevel.ReadWrite);

        Assert.Equal("A request to share with the team \"Support\" is already pending review.", result.Error);
        Assert.Equal(before, await CountsAsync());
    }
}
