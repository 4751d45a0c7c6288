using AssistantPortal.Data;
using AssistantPortal.Features.Sharing;
using AssistantPortal.Tests.Features.Sharing;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Tests.Features.Approvals;

/// <summary>
/// Contoso (Org Admin adam) has team Support (owner tom, viewer val); olivia owns assistant Helpdesk and
/// has asked to share it with Support at Read only.
/// </summary>
public abstract class ApprovalsScenario : SharingFixture
{
    protected ApplicationUser Owner = null!, Tom = null!, Val = null!, Adam = null!;
    protected Organization Contoso = null!;
    protected Team Support = null!;
    protected Assistant Assistant = null!;
    protected int RequestId;

    protected async Task ArrangeAsync(bool teamHasOwner = true)
    {
        Owner = await Seed.UserAsync("olivia");
        Tom = await Seed.UserAsync("tom");
        Val = await Seed.UserAsync("val");
        Adam = await Seed.UserAsync("adam");
        Contoso = await Seed.OrganizationAsync("Contoso", (Adam, OrganizationRole.Admin));
        Support = await Seed.TeamAsync(Contoso, "Support", (Tom, teamHasOwner ? TeamRole.Owner : TeamRole.Viewer), (Val, TeamRole.Viewer));
        Assistant = await Seed.AssistantAsync(Owner, "Helpdesk");
        var result = await Get<ShareWithTeam>().ExecuteAsync(As(Owner), Assistant.Id, "Support", AccessLevel.ReadOnly);
        Assert.Equal(SharingOutcome.PendingReview, result.Outcome);
        await using var db = Db();
        RequestId = (await db.ShareRequests.SingleAsync()).Id;
        // Start each assertion from the decision alone.
        await db.Notifications.ExecuteDeleteAsync();
        await db.OutboxMessages.ExecuteDeleteAsync();
        await db.AuditEntries.ExecuteDeleteAsync();
    }
}
