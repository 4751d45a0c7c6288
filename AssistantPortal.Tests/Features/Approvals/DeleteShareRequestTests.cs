using AssistantPortal.Data;
using AssistantPortal.Features.Approvals;
using AssistantPortal.Features.Sharing;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Tests.Features.Approvals;

public sealed class DeleteShareRequestTests : ApprovalsScenario
{
    [Fact]
    public async Task Delete_AsTeamOwner_GrantsNothingAndTellsTheRequester()
    {
        await ArrangeAsync();

        var result = await Get<DeleteShareRequest>().ExecuteAsync(As(Tom), RequestId);

        Assert.Equal(SharingOutcome.Deleted, result.Outcome);
        await using var db = Db();
        Assert.Equal(ShareRequestStatus.Deleted, (await db.ShareRequests.SingleAsync()).Status);
        Assert.Empty(await db.AssistantTeamGrants.ToListAsync());
        var notification = await db.Notifications.SingleAsync();
        Assert.Equal((Owner.Id, NotificationKind.RequestDeleted), (notification.UserId, notification.Kind));
        Assert.Equal("olivia@example.test", (await db.OutboxMessages.SingleAsync()).To);
        Assert.Equal(AuditAction.ShareRequestDeleted, (await db.AuditEntries.SingleAsync()).Action);
    }

    [Fact]
    public async Task Delete_AfterApproval_IsRefusedAsAlreadyDecided()
    {
        await ArrangeAsync();
        await Get<ApproveShareRequest>().ExecuteAsync(As(Tom), RequestId);

        var result = await Get<DeleteShareRequest>().ExecuteAsync(As(Adam), RequestId);

        Assert.Equal(ShareRequestDecision.AlreadyDecided, result.Error);
        await using var db = Db();
        Assert.Equal(ShareRequestStatus.Approved, (await db.ShareRequests.SingleAsync()).Status);
        Assert.Single(await db.AssistantTeamGrants.ToListAsync());
    }
}
