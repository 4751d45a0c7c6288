using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Tests.Features.Organizations;

/// <summary>
/// DeleteTeam: the access the team gave goes — checked through the one resolver — and nothing else: assistants,
/// projects, users and access from other sources stay.
/// </summary>
public sealed class DeleteTeamTests : OrganizationsTestBase
{
    private static readonly DateTime Now = new(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);

    private Task<AccessLevel> LevelAsync(ApplicationUser user, Assistant assistant) =>
        QueryAsync(async db => (await new AccessResolver(Database).ResolveAsync(db, new Viewer(user.Id), assistant.Id)).Level);

    private async Task<ShareRequest> PendingRequestAsync(Assistant assistant, Team team, ApplicationUser by, AccessLevel level = AccessLevel.ReadOnly)
    {
        await using var db = Database.CreateDbContext();
        var request = new ShareRequest
        {
            AssistantId = assistant.Id, TargetKind = ShareTargetKind.Team, TeamId = team.Id, RequestedLevel = level,
            RequestedByUserId = by.Id, RequestedAt = Now, Status = ShareRequestStatus.Pending,
        };
        db.ShareRequests.Add(request);
        await db.SaveChangesAsync();
        return request;
    }

    /// <summary>
    /// Contoso; team Support (dave owner, bob and carol viewers); project Helpdesk is Support's, and Support is a
    /// Member of project Sales. Assistants: "Within" in Helpdesk, open to the team; "Shared" in no project, shared
    /// with Support (Read only) and directly with carol (Read and write); "Sales bot" in Sales.
    /// </summary>
    private async Task<World> WorldAsync()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var owner = await Seed.UserAsync("olga");
        var dave = await Seed.UserAsync("dave");
        var bob = await Seed.UserAsync("bob");
        var carol = await Seed.UserAsync("carol");
        var contoso = await Seed.OrganizationAsync("Contoso",
            (owner, OrganizationRole.Member), (dave, OrganizationRole.Member), (bob, OrganizationRole.Member), (carol, OrganizationRole.Member));
        var support = await Seed.TeamAsync(contoso, "Support", (dave, TeamRole.Owner), (bob, TeamRole.Viewer), (carol, TeamRole.Viewer));
        var helpdesk = await Seed.ProjectAsync(contoso, "Helpdesk", support);
        var sales = await Seed.ProjectAsync(contoso, "Sales");
        await Seed.AddToProjectAsync(sales, support, ProjectRole.Member);
        var within = await Seed.AssistantAsync(owner, "Within", helpdesk, PublicAccess.Team);
        var shared = await Seed.AssistantAsync(owner, "Shared");
        await Seed.GrantAsync(shared, support, AccessLevel.ReadOnly, owner);
        await Seed.GrantAsync(shared, carol, AccessLevel.ReadWrite, owner);
        var salesBot = await Seed.AssistantAsync(owner, "Sales bot", sales);
        return new World(admin, owner, dave, bob, carol, contoso, support, helpdesk, sales, within, shared, salesBot);
    }

    private sealed record World(ApplicationUser Admin, ApplicationUser Owner, ApplicationUser Dave, ApplicationUser Bob, ApplicationUser Carol,
        Organization Contoso, Team Support, Project Helpdesk, Project Sales, Assistant Within, Assistant Shared, Assistant SalesBot);

    [Fact]
    public async Task Delete_AsGlobalAdmin_TakesAwayTheAccessTheTeamGaveAndNothingElse()
    {
        var w = await WorldAsync();
        Assert.Equal(AccessLevel.UseOnly, await LevelAsync(w.Bob, w.Within));
        Assert.Equal(AccessLevel.ReadOnly, await LevelAsync(w.Bob, w.Shared));
        Assert.Equal(AccessLevel.ReadOnly, await LevelAsync(w.Bob, w.SalesBot));
        Assert.Equal(AccessLevel.Owner, await LevelAsync(w.Dave, w.Within));

        var result = await Create<DeleteTeam>().ExecuteAsync(As(w.Admin), w.Support.Id);

        Assert.True(result.Succeeded);
        // Access only through the team: gone, by every route (grant, team's project, project membership, Team public access).
        Assert.Equal(AccessLevel.None, await LevelAsync(w.Bob, w.Within));
        Assert.Equal(AccessLevel.None, await LevelAsync(w.Bob, w.Shared));
        Assert.Equal(AccessLevel.None, await LevelAsync(w.Bob, w.SalesBot));
        Assert.Equal(AccessLevel.None, await LevelAsync(w.Dave, w.Within));
        // A direct grant stays; so does the assistants' owner.
        Assert.Equal(AccessLevel.ReadWrite, await LevelAsync(w.Carol, w.Shared));
        Assert.Equal(AccessLevel.Owner, await LevelAsync(w.Owner, w.Within));
        await using var db = Database.CreateDbContext();
        Assert.False(await db.Teams.AnyAsync());
        Assert.False(await db.TeamMembers.AnyAsync());
        Assert.False(await db.AssistantTeamGrants.AnyAsync());
        Assert.False(await db.ProjectTeamMembers.AnyAsync());
        Assert.Equal(3, await db.Assistants.CountAsync());
        Assert.Equal(5, await db.Users.CountAsync());
        Assert.Equal(4, await db.OrganizationMembers.CountAsync());
        var projects = await db.Projects.OrderBy(p => p.Name).ToListAsync();
        Assert.Equal(["Helpdesk", "Sales"], projects.Select(p => p.Name));
        Assert.All(projects, p => Assert.Null(p.TeamId));
        Assert.Equal(w.Helpdesk.Id, (await db.Assistants.SingleAsync(a => a.Id == w.Within.Id)).ProjectId);
        Assert.Equal(1, Events.AllCount);
    }

    [Fact]
    public async Task Delete_AuditsTheTeamAndEveryGrantItHad()
    {
        var w = await WorldAsync();

        await Create<DeleteTeam>().ExecuteAsync(As(w.Admin), w.Support.Id);

        var audit = await AuditAsync();
        var grant = Assert.Single(audit, e => e.Action == AuditAction.TeamGrantRemoved);
        Assert.Equal(("Shared", "the team \"Support\""), (grant.AssistantName, grant.Target));
        var team = Assert.Single(audit, e => e.Action == AuditAction.MembershipChanged);
        Assert.Equal("team Support (Contoso)", team.Target);
        Assert.Contains("team deleted; 3 membership(s), 1 grant(s) and 0 pending request(s) removed", team.Details);
        Assert.Contains("removed from project(s) Sales", team.Details);
        Assert.Contains("project(s) Helpdesk no longer belong to a team", team.Details);
        Assert.All(audit, e => Assert.Equal(w.Admin.Id, e.ActorUserId));
    }

    [Fact]
    public async Task Delete_RemovesPendingRequestsAndTellsTheRequester()
    {
        var w = await WorldAsync();
        var erin = await Seed.UserAsync("erin");
        var other = await Seed.AssistantAsync(erin, "Erin's bot");
        await PendingRequestAsync(other, w.Support, erin);

        var result = await Create<DeleteTeam>().ExecuteAsync(As(w.Admin), w.Support.Id);

        Assert.True(result.Succeeded);
        await using var db = Database.CreateDbContext();
        Assert.False(await db.ShareRequests.AnyAsync());
        var notification = await db.Notifications.SingleAsync();
        Assert.Equal((erin.Id, NotificationKind.RequestDeleted, other.Id), (notification.UserId, notification.Kind, notification.AssistantId));
        Assert.Contains("admin deleted the team", notification.Message);
        var mail = await db.OutboxMessages.SingleAsync();
        Assert.Equal("erin@example.test", mail.To);
        var entry = Assert.Single(await AuditAsync(), e => e.Action == AuditAction.ShareRequestDeleted);
        Assert.Contains("asked by erin", entry.Details);
        Assert.True(await db.Assistants.AnyAsync(a => a.Id == other.Id));
    }

    [Fact]
    public async Task Delete_AsTeamOwner_IsForbiddenAndChangesNothing()
    {
        var w = await WorldAsync();

        var result = await Create<DeleteTeam>().ExecuteAsync(As(w.Dave), w.Support.Id);

        Assert.Equal(CommandStatus.Forbidden, result.Status);
        Assert.Contains("Only Global Admins delete teams", result.ErrorFor(""));
        Assert.True(await QueryAsync(db => db.Teams.AnyAsync()));
        Assert.Equal(AccessLevel.ReadOnly, await LevelAsync(w.Bob, w.Shared));
        Assert.Empty(await AuditAsync());
        Assert.Equal(0, Events.AllCount);
    }

    [Theory]
    [InlineData(GlobalRole.User)]
    [InlineData(GlobalRole.ApplicationAdmin)]
    public async Task Delete_AsNonGlobalAdminOutsideTheTeam_IsNotFound(GlobalRole role)
    {
        var w = await WorldAsync();
        var outsider = await Seed.UserAsync("outsider", role);

        var result = await Create<DeleteTeam>().ExecuteAsync(As(outsider), w.Support.Id);

        Assert.Equal(CommandStatus.NotFound, result.Status);
        Assert.True(await QueryAsync(db => db.Teams.AnyAsync()));
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task Delete_UnknownTeam_IsNotFound()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);

        var result = await Create<DeleteTeam>().ExecuteAsync(As(admin), 4711);

        Assert.Equal(CommandStatus.NotFound, result.Status);
    }

    [Fact]
    public async Task CreateTeam_AsApplicationAdmin_MakesItTeamOwnerWithOwnerLevelWithinTheTeam()
    {
        var appAdmin = await Seed.UserAsync("adam", GlobalRole.ApplicationAdmin);
        var olga = await Seed.UserAsync("olga");
        var contoso = await Seed.OrganizationAsync("Contoso");

        var created = await Create<CreateTeam>().ExecuteAsync(As(appAdmin), contoso.Id, "Research");

        Assert.True(created.Succeeded);
        var team = await QueryAsync(db => db.Teams.SingleAsync(t => t.Id == created.CreatedId));
        Assert.Equal(TeamRole.Owner, await QueryAsync(db => db.TeamMembers.Where(m => m.TeamId == team.Id && m.UserId == appAdmin.Id)
            .Select(m => m.Role).SingleAsync()));
        var project = await Seed.ProjectAsync(contoso, "Lab", team);
        var assistant = await Seed.AssistantAsync(olga, "Lab bot", project);
        Assert.Equal(AccessLevel.Owner, await LevelAsync(appAdmin, assistant));
    }
}
