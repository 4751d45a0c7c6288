using AssistantPortal.Data;
using AssistantPortal.Features.Sharing;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Tests.Features.Sharing;

public sealed class WithdrawShareRequestTests : SharingFixture
{
    [Fact]
    public async Task Withdraw_ByTheRequester_EndsTheRequestAndAudits()
    {
        var owner = await Seed.UserAsync("olivia");
        var tom = await Seed.UserAsync("tom");
        var contoso = await Seed.OrganizationAsync("Contoso");
        await Seed.TeamAsync(contoso, "Support", (tom, TeamRole.Owner));
        var assistant = await Seed.AssistantAsync(owner);
        await Get<ShareWithTeam>().ExecuteAsync(As(owner), assistant.Id, "Support", AccessLevel.ReadOnly);
        await using var db = Db();
        var requestId = (await db.ShareRequests.SingleAsync()).Id;

        var result = await Get<WithdrawShareRequest>().ExecuteAsync(As(owner), assistant.Id, requestId);

        Assert.Equal(SharingOutcome.Withdrawn, result.Outcome);
        Assert.Equal(ShareRequestStatus.Withdrawn, (await db.ShareRequests.AsNoTracking().SingleAsync()).Status);
        Assert.Contains(await db.AuditEntries.ToListAsync(), e => e.Action == AuditAction.ShareRequestWithdrawn);
        Assert.Empty(await db.AssistantTeamGrants.ToListAsync());
    }

    [Fact]
    public async Task Withdraw_BySomeoneElse_IsRefusedAndChangesNothing()
    {
        var owner = await Seed.UserAsync("olivia");
        var rita = await Seed.UserAsync("rita");
        var tom = await Seed.UserAsync("tom");
        var contoso = await Seed.OrganizationAsync("Contoso");
        await Seed.TeamAsync(contoso, "Support", (tom, TeamRole.Owner));
        var assistant = await Seed.AssistantAsync(owner);
        await Seed.GrantAsync(assistant, rita, AccessLevel.ReadWrite);
        await Get<ShareWithTeam>().ExecuteAsync(As(owner), assistant.Id, "Support", AccessLevel.ReadOnly);
        await using var db = Db();
        var requestId = (await db.ShareRequests.SingleAsync()).Id;
        var before = await CountsAsync();

        var result = await Get<WithdrawShareRequest>().ExecuteAsync(As(rita), assistant.Id, requestId);

        Assert.Equal("Only the person who asked can withdraw a request.", result.Error);
        Assert.Equal(before, await CountsAsync());
        Assert.Equal(ShareRequestStatus.Pending, (await db.ShareRequests.AsNoTracking().SingleAsync()).Status);
    }
}
