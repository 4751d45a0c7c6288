using AssistantPortal.Data;
using AssistantPortal.Features.Sharing;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Tests.Features.Sharing;

public sealed class ShareWithTeamTests : SharingFixture
{
    private ApplicationUser _owner = null!, _tom = null!, _val = null!, _adam = null!;
    private Organization _contoso = null!;
    private Team _support = null!;
    private Assistant _assistant = null!;

    /// <summary>Contoso (Org Admin adam) has team Support (owner tom, viewer val); olivia owns the assistant.</summary>
    private async Task ArrangeAsync(bool teamHasOwner = true)
    {
        _owner = await Seed.UserAsync("olivia");
        _tom = await Seed.UserAsync("tom");
        _val = await Seed.UserAsync("val");
        _adam = await Seed.UserAsync("adam");
        _contoso = await Seed.OrganizationAsync("Contoso", (_adam, OrganizationRole.Admin), (_tom, OrganizationRole.Member), (_val, OrganizationRole.Member));
        _support = teamHasOwner
            ? await Seed.TeamAsync(_contoso, "Support", (_tom, TeamRole.Owner), (_val, TeamRole.Viewer))
            : await Seed.TeamAsync(_contoso, "Support", (_tom, TeamRole.Viewer), (_val, TeamRole.Viewer));
        _assistant = await Seed.AssistantAsync(_owner, "Helpdesk");
    }

    private async Task<ApplicationUser> SharerWithReadWriteAsync(string name, GlobalRole role = GlobalRole.User)
    {
        var sharer = await Seed.UserAsync(name, role);
        await Seed.GrantAsync(_assistant, sharer, AccessLevel.ReadWrite);
        return sharer;
    }

    private async Task AssertGrantedToTeamAsync(ApplicationUser sharer)
    {
        await using var db = Db();
        var grant = await db.AssistantTeamGrants.SingleAsync();
        Assert.Equal((_support.Id, AccessLevel.ReadOnly, sharer.Id), (grant.TeamId, grant.Level, grant.GrantedByUserId));
        Assert.Empty(await db.ShareRequests.ToListAsync());
        var told = await db.Notifications.Where(n => n.Kind == NotificationKind.SharedWithYourTeam).Select(n => n.UserId).ToListAsync();
        Assert.Equal(new[] { _tom.Id, _val.Id }.Except([sharer.Id]).Order(), told.Order());
        Assert.Equal(told.Count, await db.OutboxMessages.CountAsync(m => m.Subject.Contains("the team \"Support\"")));
        Assert.Contains(await db.AuditEntries.ToListAsync(), e => e.Action == AuditAction.TeamGrantAdded && e.ActorUserId == sharer.Id);
    }

    private async Task AssertWentToReviewAsync(ApplicationUser sharer, params ApplicationUser[] approvers)
    {
        await using var db = Db();
        Assert.Empty(await db.AssistantTeamGrants.ToListAsync());
        var request = await db.ShareRequests.SingleAsync();
        Assert.Equal((ShareRequestStatus.Pending, _support.Id, AccessLevel.ReadOnly, sharer.Id),
            (request.Status, request.TeamId, request.RequestedLevel, request.RequestedByUserId));
        var told = await db.Notifications.Where(n => n.Kind == NotificationKind.RequestAwaitsReview).Select(n => n.UserId).ToListAsync();
        Assert.Equal(approvers.Select(a => a.Id).Order(), told.Order());
        Assert.Equal(approvers.Select(a => a.Email).Order(), (await db.OutboxMessages.Select(m => m.To).ToListAsync()).Order());
        Assert.Contains(await db.AuditEntries.ToListAsync(), e => e.Action == AuditAction.ShareRequested && e.ActorUserId == sharer.Id);
    }

    [Fact]
    public async Task ShareWithTeam_AsGlobalAdmin_GrantsAtOnceAndTellsEveryMember()
    {
        await ArrangeAsync();
        var admin = await Seed.UserAsync("gail", GlobalRole.GlobalAdmin);

        var result = await Get<ShareWithTeam>().ExecuteAsync(As(admin), _assistant.Id, "Support", AccessLevel.ReadOnly);

        Assert.Equal(SharingOutcome.Granted, result.Outcome);
        await AssertGrantedToTeamAsync(admin);
    }

    [Fact]
    public async Task ShareWithTeam_AsOrgAdminOfTheTeamsOrganization_GrantsAtOnce()
    {
        await ArrangeAsync();
        await Seed.GrantAsync(_assistant, _adam, AccessLevel.ReadWrite);

        var result = await Get<ShareWithTeam>().ExecuteAsync(As(_adam), _assistant.Id, "Support (Contoso)", AccessLevel.ReadOnly);

        Assert.Equal(SharingOutcome.Granted, result.Outcome);
        await AssertGrantedToTeamAsync(_adam);
    }

    [Fact]
    public async Task ShareWithTeam_AsTeamOwner_GrantsAtOnce()
    {
        await ArrangeAsync();
        await Seed.GrantAsync(_assistant, _tom, AccessLevel.ReadWrite);

        var result = await Get<ShareWithTeam>().ExecuteAsync(As(_tom), _assistant.Id, "Support", AccessLevel.ReadOnly);

        Assert.Equal(SharingOutcome.Granted, result.Outcome);
        await AssertGrantedToTeamAsync(_tom);
    }

    [Fact]
    public async Task ShareWithTeam_AsApplicationAdminWhoCreatedTheTeam_GrantsAtOnce()
    {
        await ArrangeAsync();
        var creator = await SharerWithReadWriteAsync("ann", GlobalRole.ApplicationAdmin);
        await using (var db = Db())
        {
            await db.Teams.Where(t => t.Id == _support.Id).ExecuteUpdateAsync(s => s.SetProperty(t => t.CreatedByUserId, creator.Id));
        }

        var result = await Get<ShareWithTeam>().ExecuteAsync(As(creator), _assistant.Id, "Support", AccessLevel.ReadOnly);

        Assert.Equal(SharingOutcome.Granted, result.Outcome);
        await AssertGrantedToTeamAsync(creator);
    }

    [Fact]
    public async Task ShareWithTeam_AsApplicationAdminWhoDidNotCreateTheTeam_GoesToReview()
    {
        await ArrangeAsync();
        var other = await SharerWithReadWriteAsync("ann", GlobalRole.ApplicationAdmin);

        var result = await Get<ShareWithTeam>().ExecuteAsync(As(other), _assistant.Id, "Support", AccessLevel.ReadOnly);

        Assert.Equal(SharingOutcome.PendingReview, result.Outcome);
        await AssertWentToReviewAsync(other, _tom);
    }

    [Fact]
    public async Task ShareWithTeam_AsOwnerOfTheAssistantOnly_GoesToReviewAndTellsTheTeamOwners()
    {
        await ArrangeAsync();

        var result = await Get<ShareWithTeam>().ExecuteAsync(As(_owner), _assistant.Id, "Support", AccessLevel.ReadOnly);

        Assert.Equal(SharingOutcome.PendingReview, result.Outcome);
        await AssertWentToReviewAsync(_owner, _tom);
    }

    [Fact]
    public async Task ShareWithTeam_AsOrgAdminOfAnotherOrganization_GoesToReview()
    {
        await ArrangeAsync();
        var other = await SharerWithReadWriteAsync("oscar");
        await Seed.OrganizationAsync("Fabrikam", (other, OrganizationRole.Admin));

        var result = await Get<ShareWithTeam>().ExecuteAsync(As(other), _assistant.Id, "Support", AccessLevel.ReadOnly);

        Assert.Equal(SharingOutcome.PendingReview, result.Outcome);
        await AssertWentToReviewAsync(other, _tom);
    }

    [Fact]
    public async Task ShareWithTeam_TeamWithoutOwner_GoesToReviewAndTellsTheOrgAdmins()
    {
        await ArrangeAsync(teamHasOwner: false);

        var result = await Get<ShareWithTeam>().ExecuteAsync(As(_owner), _assistant.Id, "Support", AccessLevel.ReadOnly);

        Assert.Equal(SharingOutcome.PendingReview, result.Outcome);
        await AssertWentToReviewAsync(_owner, _adam);
    }

    [Fact]
    public async Task ShareWithTeam_UnknownTeam_IsRefusedWithAMessageAndChangesNothing()
    {
        await ArrangeAsync();
        var before = await CountsAsync();

        var result = await Get<ShareWithTeam>().ExecuteAsync(As(_owner), _assistant.Id, "Sales", AccessLevel.ReadOnly);

        Assert.Equal((SharingField.Target, "There is no team named \"Sales\"."), (result.Field, result.Error));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task ShareWithTeam_DuplicateRequest_IsRefusedWithAMessageAndChangesNothing()
    {
        await ArrangeAsync();
        await Get<ShareWithTeam>().ExecuteAsync(As(_owner), _assistant.Id, "Support", AccessLevel.ReadOnly);
        var before = await CountsAsync();

        var result = await Get<ShareWithTeam>().ExecuteAsync(As(_owner), _assistant.Id, "Support", AccessLevel.ReadWrite);

        Assert.Equal((SharingField.Target, "A request to share with the team \"Support\" is already pending review."), (result.Field, result.Error));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task ShareWithTeam_LevelAboveOwnLevel_IsRefusedWithAMessageAndChangesNothing()
    {
        await ArrangeAsync();
        var rita = await SharerWithReadWriteAsync("rita");
        var before = await CountsAsync();

        var result = await Get<ShareWithTeam>().ExecuteAsync(As(rita), _assistant.Id, "Support", AccessLevel.Owner);

        Assert.Equal((SharingField.Level, "You cannot grant more than your own access (Read and write)."), (result.Field, result.Error));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task ShareWithTeam_TwoRequestsAtTheSameMoment_LeaveExactlyOnePendingRequest()
    {
        await ArrangeAsync();

        var results = await Task.WhenAll(
            Task.Run(() => GetFresh<ShareWithTeam>().ExecuteAsync(As(_owner), _assistant.Id, "Support", AccessLevel.ReadOnly)),
            Task.Run(() => GetFresh<ShareWithTeam>().ExecuteAsync(As(_owner), _assistant.Id, "Support", AccessLevel.ReadOnly)));

        Assert.Single(results, r => r.Outcome == SharingOutcome.PendingReview);
        Assert.Single(results, r => r.Error == "A request to share with the team \"Support\" is already pending review.");
        await using var db = Db();
        Assert.Single(await db.ShareRequests.ToListAsync());
    }
}
