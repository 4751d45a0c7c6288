using AssistantPortal.Data;
using AssistantPortal.Features.Notifications;
using AssistantPortal.Features.Sharing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantPortal.Tests.Features.Sharing;

/// <summary>
/// The fan-out of a share to a large team or organization: one job row with the grant, then the worker's chunks.
/// The limits are lowered so a handful of members is "large" and takes several chunks.
/// </summary>
public sealed class MemberFanOutTests : SharingFixture
{
    protected override void Configure(IServiceCollection services) =>
        services.Configure<SharingOptions>(o =>
        {
            o.InlineFanOutLimit = 2;
            o.FanOutChunkSize = 2;
        });

    [Fact]
    public async Task ShareWithOrganization_AboveTheInlineLimit_WritesTheGrantAndOneJobOnly()
    {
        var (owner, assistant, _) = await OrganizationOfFiveAsync();

        var result = await Get<ShareWithOrganization>().ExecuteAsync(As(owner), assistant.Id, "Contoso", AccessLevel.ReadOnly);

        Assert.Equal(SharingOutcome.Granted, result.Outcome);
        await using var db = Db();
        Assert.Equal(AccessLevel.ReadOnly, (await db.AssistantOrganizationGrants.SingleAsync()).Level);
        Assert.Equal(AuditAction.OrganizationGrantAdded, (await db.AuditEntries.SingleAsync()).Action);
        var job = await db.MemberFanOuts.SingleAsync();
        Assert.Equal((ShareTargetKind.Organization, assistant.Id, owner.Id, (string?)null), (job.TargetKind, job.AssistantId, job.ExceptUserId, job.After));
        Assert.Empty(await db.OutboxMessages.ToListAsync());
        Assert.Empty(await db.Notifications.ToListAsync());
    }

    [Fact]
    public async Task Expand_InChunks_TellsEveryMemberButTheSharerExactlyOnceAndDeletesTheJob()
    {
        var (owner, assistant, members) = await OrganizationOfFiveAsync();
        await Get<ShareWithOrganization>().ExecuteAsync(As(owner), assistant.Id, "Contoso", AccessLevel.ReadOnly);
        var published = new List<string>();
        Get<INotificationEvents>().Changed += ids => published.AddRange(ids);

        var told = await Get<MemberFanOutWorker>().ExpandPendingAsync();
        var again = await Get<MemberFanOutWorker>().ExpandPendingAsync();

        Assert.Equal((5, 0), (told, again));
        await using var db = Db();
        var notified = await db.Notifications.Select(n => new { n.UserId, n.Kind, n.AssistantId, n.Link }).ToListAsync();
        Assert.Equal(members.Select(m => m.Id).Order(), notified.Select(n => n.UserId).Order());
        Assert.All(notified, n => Assert.Equal((NotificationKind.SharedWithYourOrganization, (int?)assistant.Id, $"assistants/{assistant.Id}"),
            (n.Kind, n.AssistantId, n.Link)));
        var mails = await db.OutboxMessages.ToListAsync();
        Assert.Equal(members.Select(m => m.Email!).Order(), mails.Select(m => m.To).Order());
        Assert.All(mails, m => Assert.Equal(OutboxStatus.Waiting, m.Status));
        Assert.Equal(members.Select(m => m.Id).Order(), published.Order());
    }

    [Fact]
    public async Task Expand_ShareWithTeam_TellsTheTeamsMembers()
    {
        var owner = await Seed.UserAsync("olivia");
        var members = new List<ApplicationUser>();
        for (var i = 0; i < 3; i++)
        {
            members.Add(await Seed.UserAsync($"tom{i}"));
        }
        var organization = await Seed.OrganizationAsync("Contoso", [(owner, OrganizationRole.Member), .. members.Select(m => (m, OrganizationRole.Member))]);
        await Seed.TeamAsync(organization, "Support", [(owner, TeamRole.Owner), .. members.Select(m => (m, TeamRole.Viewer))]);
        var assistant = await Seed.AssistantAsync(owner);

        var result = await Get<ShareWithTeam>().ExecuteAsync(As(owner), assistant.Id, "Support", AccessLevel.UseOnly);
        var told = await Get<MemberFanOutWorker>().ExpandPendingAsync();

        Assert.Equal((SharingOutcome.Granted, 3), (result.Outcome, told));
        await using var db = Db();
        var notified = await db.Notifications.ToListAsync();
        Assert.Equal(members.Select(m => m.Id).Order(), notified.Select(n => n.UserId).Order());
        Assert.All(notified, n => Assert.Equal(NotificationKind.SharedWithYourTeam, n.Kind));
        Assert.Equal(3, await db.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Waiting));
        Assert.Equal(0, await db.MemberFanOuts.CountAsync());
    }

    [Fact]
    public async Task Expand_AfterTheAssistantWasDeleted_DropsTheJobAndTellsNobody()
    {
        var (owner, assistant, _) = await OrganizationOfFiveAsync();
        await Get<ShareWithOrganization>().ExecuteAsync(As(owner), assistant.Id, "Contoso", AccessLevel.ReadOnly);
        await using (var db = Db())
        {
            await db.Assistants.Where(a => a.Id == assistant.Id).ExecuteDeleteAsync();
        }

        var told = await Get<MemberFanOutWorker>().ExpandPendingAsync();

        Assert.Equal(0, told);
        await using var check = Db();
        Assert.Empty(await check.Notifications.ToListAsync());
        Assert.Empty(await check.OutboxMessages.ToListAsync());
        Assert.Empty(await check.MemberFanOuts.ToListAsync());
    }

    private async Task<(ApplicationUser Owner, Assistant Assistant, List<ApplicationUser> Members)> OrganizationOfFiveAsync()
    {
        var owner = await Seed.UserAsync("olivia");
        var members = new List<ApplicationUser>();
        for (var i = 0; i < 5; i++)
        {
            members.Add(await Seed.UserAsync($"mia{i}"));
        }
        await Seed.OrganizationAsync("Contoso", [(owner, OrganizationRole.Admin), .. members.Select(m => (m, OrganizationRole.Member))]);
        return (owner, await Seed.AssistantAsync(owner), members);
    }
}
