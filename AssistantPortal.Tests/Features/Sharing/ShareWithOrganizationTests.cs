using AssistantPortal.Data;
using AssistantPortal.Features.Sharing;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Tests.Features.Sharing;

public sealed class ShareWithOrganizationTests : SharingFixture
{
    [Fact]
    public async Task ShareWithOrganization_AsGlobalAdmin_GrantsAtOnceAndTellsEveryMember()
    {
        var owner = await Seed.UserAsync("olivia");
        var admin = await Seed.UserAsync("gail", GlobalRole.GlobalAdmin);
        var mia = await Seed.UserAsync("mia");
        await Seed.OrganizationAsync("Contoso", (mia, OrganizationRole.Member));
        var assistant = await Seed.AssistantAsync(owner);

        var result = await Get<ShareWithOrganization>().ExecuteAsync(As(admin), assistant.Id, "Contoso", AccessLevel.UseOnly);

        Assert.Equal(SharingOutcome.Granted, result.Outcome);
        await using var db = Db();
        Assert.Equal(AccessLevel.UseOnly, (await db.AssistantOrganizationGrants.SingleAsync()).Level);
        var notification = await db.Notifications.SingleAsync();
        Assert.Equal((mia.Id, NotificationKind.SharedWithYourOrganization), (notification.UserId, notification.Kind));
        Assert.Equal("mia@example.test", (await db.OutboxMessages.SingleAsync()).To);
        Assert.Equal(AuditAction.OrganizationGrantAdded, (await db.AuditEntries.SingleAsync()).Action);
    }

    [Fact]
    public async Task ShareWithOrganization_AsOrgAdmin_GrantsAtOnce()
    {
        var owner = await Seed.UserAsync("olivia");
        var organization = await Seed.OrganizationAsync("Contoso", (owner, OrganizationRole.Admin));
        var assistant = await Seed.AssistantAsync(owner);

        var result = await Get<ShareWithOrganization>().ExecuteAsync(As(owner), assistant.Id, "Contoso", AccessLevel.ReadOnly);

        Assert.Equal(SharingOutcome.Granted, result.Outcome);
        await using var db = Db();
        Assert.Equal(organization.Id, (await db.AssistantOrganizationGrants.SingleAsync()).OrganizationId);
        Assert.Empty(await db.Notifications.ToListAsync()); // the only member shared it
    }

    [Fact]
    public async Task ShareWithOrganization_AsMember_GoesToReviewAndTellsTheOrgAdmins()
    {
        var owner = await Seed.UserAsync("olivia");
        var adam = await Seed.UserAsync("adam");
        await Seed.OrganizationAsync("Contoso", (owner, OrganizationRole.Member), (adam, OrganizationRole.Admin));
        var assistant = await Seed.AssistantAsync(owner);

        var result = await Get<ShareWithOrganization>().ExecuteAsync(As(owner), assistant.Id, "Contoso", AccessLevel.ReadOnly);

        Assert.Equal(SharingOutcome.PendingReview, result.Outcome);
        await using var db = Db();
        Assert.Empty(await db.AssistantOrganizationGrants.ToListAsync());
        Assert.Equal(ShareTargetKind.Organization, (await db.ShareRequests.SingleAsync()).TargetKind);
        var notification = await db.Notifications.SingleAsync();
        Assert.Equal((adam.Id, NotificationKind.RequestAwaitsReview), (notification.UserId, notification.Kind));
        Assert.Equal("adam@example.test", (await db.OutboxMessages.SingleAsync()).To);
        Assert.Equal(AuditAction.ShareRequested, (await db.AuditEntries.SingleAsync()).Action);
    }

    [Fact]
    public async Task ShareWithOrganization_UnknownOrganization_IsRefusedWithAMessageAndChangesNothing()
    {
        var owner = await Seed.UserAsync("olivia");
        var assistant = await Seed.AssistantAsync(owner);
        var before = await CountsAsync();

        var result = await Get<ShareWithOrganization>().ExecuteAsync(As(owner), assistant.Id, "Nowhere Inc", AccessLevel.ReadOnly);

        Assert.Equal((SharingField.Target, "There is no organization named \"Nowhere Inc\"."), (result.Field, result.Error));
        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task ShareWithOrganization_OfTenThousandMembers_WritesOneJobThatTellsEveryMemberOnce()
    {
        var owner = await Seed.UserAsync("olivia");
        var organization = await Seed.OrganizationAsync("Contoso", (owner, OrganizationRole.Admin));
        await using (var db = Db())
        {
            var users = Enumerable.Range(0, 10_000).Select(i => new ApplicationUser
            {
                UserName = $"member{i}", NormalizedUserName = $"MEMBER{i}", Email = $"member{i}@example.test",
                NormalizedEmail = $"MEMBER{i}@EXAMPLE.TEST", SecurityStamp = "s", CreatedAt = DateTime.UtcNow,
            }).ToList();
            db.Users.AddRange(users);
            db.OrganizationMembers.AddRange(users.Select(u => new OrganizationMember { OrganizationId = organization.Id, UserId = u.Id }));
            await db.SaveChangesAsync();
        }
        var assistant = await Seed.AssistantAsync(owner);

        var result = await Get<ShareWithOrganization>().ExecuteAsync(As(owner), assistant.Id, "Contoso", AccessLevel.UseOnly);

        Assert.Equal(SharingOutcome.Granted, result.Outcome);
        await using (var check = Db())
        {
            // The share itself wrote the grant and one fan-out job, in one transaction.
            Assert.Equal(assistant.Id, (await check.AssistantOrganizationGrants.SingleAsync()).AssistantId);
            Assert.Equal(ShareTargetKind.Organization, (await check.MemberFanOuts.SingleAsync()).TargetKind);
            Assert.Empty(await check.OutboxMessages.ToListAsync());
            Assert.Empty(await check.Notifications.ToListAsync());
        }

        Assert.Equal(10_000, await Get<MemberFanOutWorker>().ExpandPendingAsync());

        await using var after = Db();
        Assert.Equal(10_000, await after.Notifications.CountAsync(n => n.Kind == NotificationKind.SharedWithYourOrganization));
        Assert.Equal(10_000, await after.Notifications.Select(n => n.UserId).Distinct().CountAsync());
        Assert.Equal(10_000, await after.OutboxMessages.CountAsync(m => m.Status == OutboxStatus.Waiting));
        Assert.Equal(10_000, await after.OutboxMessages.Select(m => m.To).Distinct().CountAsync());
        Assert.Equal(0, await after.MemberFanOuts.CountAsync());
    }
}
