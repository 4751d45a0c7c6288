using AssistantPortal.Data;
using AssistantPortal.Features.Approvals;
using AssistantPortal.Features.Sharing;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Tests.Features.Approvals;

public sealed class ApproveShareRequestTests : ApprovalsScenario
{
    [Fact]
    public async Task Approve_AsTeamOwner_GrantsInTheRequestersNameAndTellsEveryoneInTheSameSave()
    {
        await ArrangeAsync();

        var result = await Get<ApproveShareRequest>().ExecuteAsync(As(Tom), RequestId);

        Assert.Equal(SharingOutcome.Approved, result.Outcome);
        await using var db = Db();
        var request = await db.ShareRequests.SingleAsync();
        Assert.Equal((ShareRequestStatus.Approved, Tom.Id), (request.Status, request.DecidedByUserId));
        var grant = await db.AssistantTeamGrants.SingleAsync();
        Assert.Equal((Support.Id, AccessLevel.ReadOnly, Owner.Id), (grant.TeamId, grant.Level, grant.GrantedByUserId));
        var notifications = await db.Notifications.Select(n => new { n.UserId, n.Kind }).ToListAsync();
        Assert.Contains(notifications, n => n.UserId == Owner.Id && n.Kind == NotificationKind.RequestApproved);
        Assert.Contains(notifications, n => n.UserId == Val.Id && n.Kind == NotificationKind.SharedWithYourTeam);
        Assert.DoesNotContain(notifications, n => n.UserId == Tom.Id); // the approver needs no message about their own click
        var mail = await db.OutboxMessages.Select(m => m.To).ToListAsync();
        Assert.Equal(new[] { "olivia@example.test", "val@example.test" }, mail.Order());
        var audit = await db.AuditEntries.Select(e => e.Action).ToListAsync();
        Assert.Equal(new[] { AuditAction.TeamGrantAdded, AuditAction.ShareRequestApproved }, audit.Order());
    }

    [Fact]
    public async Task Approve_OwnerlessTeam_AsOrgAdmin_Grants()
    {
        await ArrangeAsync(teamHasOwner: false);

        var result = await Get<ApproveShareRequest>().ExecuteAsync(As(Adam), RequestId);

        Assert.Equal(SharingOutcome.Approved, result.Outcome);
        await using var db = Db();
        Assert.Single(await db.AssistantTeamGrants.ToListAsync());
    }

    [Fact]
    public async Task Approve_ByTwoAdminsAtTheSameMoment_GivesExactlyOneOutcomeAndOneGrant()
    {
        await ArrangeAsync();
        var admin = await Seed.UserAsync("gail", GlobalRole.GlobalAdmin);

        var results = await Task.WhenAll(
            Task.Run(() => GetFresh<ApproveShareRequest>().ExecuteAsync(As(Tom), RequestId)),
            Task.Run(() => GetFresh<ApproveShareRequest>().ExecuteAsync(As(admin), RequestId)));

        Assert.Single(results, r => r.Outcome == SharingOutcome.Approved);
        Assert.Single(results, r => r.Error == ShareRequestDecision.AlreadyDecided);
        await using var db = Db();
        Assert.Single(await db.AssistantTeamGrants.ToListAsync());
        Assert.Equal(1, await db.AuditEntries.CountAsync(e => e.Action == AuditAction.ShareRequestApproved));
        Assert.Equal(1, await db.Notifications.CountAsync(n => n.Kind == NotificationKind.RequestApproved));
    }

    [Fact]
    public async Task Approve_AfterTheApproverLostTheRight_IsRefusedAndChangesNothing()
    {
        await ArrangeAsync();
        await using (var db = Db())
        {
            await db.TeamMembers.Where(m => m.UserId == Tom.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Role, TeamRole.Viewer));
        }
        var before = await CountsAsync();

        var result = await Get<ApproveShareRequest>().ExecuteAsync(As(Tom), RequestId);

        Assert.Equal(ShareRequestDecision.NotAllowed, result.Error);
        Assert.Equal(before, await CountsAsync());
        await using var check = Db();
        Assert.Equal(ShareRequestStatus.Pending, (await check.ShareRequests.SingleAsync()).Status);
    }

    [Fact]
    public async Task Approve_AsSomeoneWhoMayNotDecide_IsRefused()
    {
        await ArrangeAsync();

        var result = await Get<ApproveShareRequest>().ExecuteAsync(As(Val), RequestId);

        Assert.Equal(ShareRequestDecision.NotAllowed, result.Error);
        await using var db = Db();
        Assert.Empty(await db.AssistantTeamGrants.ToListAsync());
    }

    [Fact]
    public async Task Approve_RequestOfADeletedAssistant_IsGone()
    {
        await ArrangeAsync();
        await using (var db = Db())
        {
            await db.Assistants.Where(a => a.Id == Assistant.Id).ExecuteDeleteAsync();
        }

        var result = await Get<ApproveShareRequest>().ExecuteAsync(As(Tom), RequestId);

        Assert.Equal(ShareRequestDecision.AlreadyDecided, result.Error);
    }
}
