using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Tests.Features.Organizations;

/// <summary>DeleteOrganization: only Global Admins, only once it holds no teams or projects, and only access goes.</summary>
public sealed class DeleteOrganizationTests : OrganizationsTestBase
{
    private static readonly DateTime Now = new(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);

    private Task<AccessLevel> LevelAsync(ApplicationUser user, Assistant assistant) =>
        QueryAsync(async db => (await new AccessResolver(Database).ResolveAsync(db, new Viewer(user.Id), assistant.Id)).Level);

    [Fact]
    public async Task Delete_AsGlobalAdmin_TakesAwayItsGrantsMembershipsAndRequests()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var olga = await Seed.UserAsync("olga");
        var bob = await Seed.UserAsync("bob");
        var carol = await Seed.UserAsync("carol");
        var erin = await Seed.UserAsync("erin");
        var contoso = await Seed.OrganizationAsync("Contoso", (bob, OrganizationRole.Member), (carol, OrganizationRole.Admin));
        var shared = await Seed.AssistantAsync(olga, "Shared");
        await Seed.GrantAsync(shared, contoso, AccessLevel.ReadOnly, olga);
        await Seed.GrantAsync(shared, carol, AccessLevel.UseOnly, olga);
        var erins = await Seed.AssistantAsync(erin, "Erin's bot");
        await using (var seed = Database.CreateDbContext())
        {
            seed.ShareRequests.Add(new ShareRequest
            {
                AssistantId = erins.Id, TargetKind = ShareTargetKind.Organization, OrganizationId = contoso.Id, RequestedLevel = AccessLevel.UseOnly,
                RequestedByUserId = erin.Id, RequestedAt = Now, Status = ShareRequestStatus.Pending,
            });
            await seed.SaveChangesAsync();
        }
        Assert.Equal(AccessLevel.ReadOnly, await LevelAsync(bob, shared));

        var result = await Create<DeleteOrganization>().ExecuteAsync(As(admin), contoso.Id);

        Assert.True(result.Succeeded);
        Assert.Equal(AccessLevel.None, await LevelAsync(bob, shared));
        Assert.Equal(AccessLevel.UseOnly, await LevelAsync(carol, shared));
        await using var db = Database.CreateDbContext();
        Assert.False(await db.Organizations.AnyAsync());
        Assert.False(await db.OrganizationMembers.AnyAsync());
        Assert.False(await db.AssistantOrganizationGrants.AnyAsync());
        Assert.False(await db.ShareRequests.AnyAsync());
        Assert.Equal(2, await db.Assistants.CountAsync());
        Assert.Equal(5, await db.Users.CountAsync());
        Assert.Equal((erin.Id, NotificationKind.RequestDeleted), await db.Notifications.Select(n => new ValueTuple<string, NotificationKind>(n.UserId, n.Kind)).SingleAsync());
        var audit = await AuditAsync();
        Assert.Single(audit, e => e.Action == AuditAction.OrganizationGrantRemoved && e.AssistantName == "Shared");
        Assert.Single(audit, e => e.Action == AuditAction.ShareRequestDeleted && e.AssistantName == "Erin's bot");
        Assert.Contains("organization deleted; 2 membership(s), 1 grant(s) and 1 pending request(s) removed",
            Assert.Single(audit, e => e.Action == AuditAction.MembershipChanged).Details);
        Assert.Equal(1, Events.AllCount);
    }

    [Fact]
    public async Task Delete_WhileItHasTeams_IsRefusedAndChangesNothing()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var bob = await Seed.UserAsync("bob");
        var contoso = await Seed.OrganizationAsync("Contoso", (bob, OrganizationRole.Member));
        await Seed.TeamAsync(contoso, "Support", (bob, TeamRole.Viewer));

        var result = await Create<DeleteOrganization>().ExecuteAsync(As(admin), contoso.Id);

        await AssertRefusedAsync(result, Fields.Organization, "Contoso still has 1 team. Delete its teams first.");
        Assert.True(await QueryAsync(db => db.Organizations.AnyAsync()));
        Assert.True(await QueryAsync(db => db.TeamMembers.AnyAsync()));
    }

    [Fact]
    public async Task Delete_WhileItHasProjects_IsRefusedAndChangesNothing()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var olga = await Seed.UserAsync("olga");
        var contoso = await Seed.OrganizationAsync("Contoso", (olga, OrganizationRole.Member));
        await Seed.TeamAsync(contoso, "Support");
        var helpdesk = await Seed.ProjectAsync(contoso, "Helpdesk");
        await Seed.ProjectAsync(contoso, "Sales");
        await Seed.AssistantAsync(olga, "Bot", helpdesk);

        var result = await Create<DeleteOrganization>().ExecuteAsync(As(admin), contoso.Id);

        await AssertRefusedAsync(result, Fields.Organization, "Contoso still has 1 team and 2 projects. Projects and their assistants are never deleted");
        Assert.Equal(2, await QueryAsync(db => db.Projects.CountAsync()));
        Assert.True(await QueryAsync(db => db.OrganizationMembers.AnyAsync()));
    }

    [Fact]
    public async Task Delete_AsOrgAdmin_IsForbidden()
    {
        var carol = await Seed.UserAsync("carol", GlobalRole.ApplicationAdmin);
        var contoso = await Seed.OrganizationAsync("Contoso", (carol, OrganizationRole.Admin));

        var result = await Create<DeleteOrganization>().ExecuteAsync(As(carol), contoso.Id);

        Assert.Equal(CommandStatus.Forbidden, result.Status);
        Assert.True(await QueryAsync(db => db.Organizations.AnyAsync()));
        Assert.Empty(await AuditAsync());
    }

    [Theory]
    [InlineData(GlobalRole.User)]
    [InlineData(GlobalRole.ApplicationAdmin)]
    public async Task Delete_AsNonGlobalAdminOutsideIt_IsNotFound(GlobalRole role)
    {
        var outsider = await Seed.UserAsync("outsider", role);
        var contoso = await Seed.OrganizationAsync("Contoso");

        var result = await Create<DeleteOrganization>().ExecuteAsync(As(outsider), contoso.Id);

        Assert.Equal(CommandStatus.NotFound, result.Status);
        Assert.True(await QueryAsync(db => db.Organizations.AnyAsync()));
        Assert.Empty(await AuditAsync());
    }
}
