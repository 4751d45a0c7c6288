using AssistantPortal.Data;
using AssistantPortal.Features.Approvals;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Tests.Features.Approvals;

public sealed class InboxQueryTests : ApprovalsScenario
{
    private async Task<IReadOnlyList<InboxItem>> InboxOfAsync(ApplicationUser user) => await Get<InboxQuery>().ExecuteAsync(As(user));

    [Fact]
    public async Task Inbox_OfTeamOwner_ListsTheRequestWithItsDetails()
    {
        await ArrangeAsync();

        var item = Assert.Single(await InboxOfAsync(Tom));

        Assert.Equal((RequestId, "Helpdesk", "olivia", ShareTargetKind.Team, "Support (Contoso)", AccessLevel.ReadOnly),
            (item.RequestId, item.AssistantName, item.RequestedBy, item.Kind, item.TargetName, item.Level));
    }

    [Fact]
    public async Task Inbox_OfGlobalAdmin_ListsTheRequest()
    {
        await ArrangeAsync();
        var admin = await Seed.UserAsync("gail", GlobalRole.GlobalAdmin);

        Assert.Single(await InboxOfAsync(admin));
    }

    [Fact]
    public async Task Inbox_OfOrgAdminOfTheTeamsOrganization_ListsTheRequest()
    {
        await ArrangeAsync();

        Assert.Single(await InboxOfAsync(Adam));
    }

    [Fact]
    public async Task Inbox_OfApplicationAdminWhoCreatedTheTeam_ListsTheRequest()
    {
        await ArrangeAsync();
        var creator = await Seed.UserAsync("ann", GlobalRole.ApplicationAdmin);
        await using (var db = Db())
        {
            await db.Teams.Where(t => t.Id == Support.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.CreatedByUserId, creator.Id));
        }

        Assert.Single(await InboxOfAsync(creator));
    }

    [Fact]
    public async Task Inbox_OfTeamViewerRequesterAndOtherOrgAdmin_IsEmpty()
    {
        await ArrangeAsync();
        var other = await Seed.UserAsync("oscar");
        await Seed.OrganizationAsync("Fabrikam", (other, OrganizationRole.Admin));

        Assert.Empty(await InboxOfAsync(Val));
        Assert.Empty(await InboxOfAsync(Owner));
        Assert.Empty(await InboxOfAsync(other));
    }

    [Fact]
    public async Task Inbox_AfterTheTeamOwnerLostTheRole_IsEmpty()
    {
        await ArrangeAsync();
        await using (var db = Db())
        {
            await db.TeamMembers.Where(m => m.UserId == Tom.Id).ExecuteUpdateAsync(s => s.SetProperty(m => m.Role, TeamRole.Viewer));
        }

        Assert.Empty(await InboxOfAsync(Tom));
    }

    [Fact]
    public async Task Inbox_AfterTheAssistantWasDeleted_NoLongerHasTheRequest()
    {
        await ArrangeAsync();
        await using (var db = Db())
        {
            await db.Assistants.Where(a => a.Id == Assistant.Id).ExecuteDeleteAsync();
        }

        Assert.Empty(await InboxOfAsync(Tom));
        await using var check = Db();
        Assert.Empty(await check.ShareRequests.ToListAsync());
    }
}
