using AssistantPortal.Data;
using AssistantPortal.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Tests.Features.Organizations;

/// <summary>CreateTeam, AddTeamMember, RemoveTeamMember and SetTeamRole.</summary>
public sealed class TeamTests : OrganizationsTestBase
{
    private Task<TeamMember?> MembershipAsync(Team team, ApplicationUser user) =>
        QueryAsync(db => db.TeamMembers.SingleOrDefaultAsync(m => m.TeamId == team.Id && m.UserId == user.Id));

    [Fact]
    public async Task Create_AsApplicationAdmin_BecomesTeamOwner()
    {
        var appAdmin = await Seed.UserAsync("appadmin", GlobalRole.ApplicationAdmin);
        var contoso = await Seed.OrganizationAsync("Contoso");

        var result = await Create<CreateTeam>().ExecuteAsync(As(appAdmin), contoso.Id, " Sales ");

        Assert.True(result.Succeeded);
        var team = await QueryAsync(db => db.Teams.Include(t => t.Members).SingleAsync());
        Assert.Equal(("Sales", contoso.Id, appAdmin.Id), (team.Name, team.OrganizationId, team.CreatedByUserId));
        var owner = Assert.Single(team.Members);
        Assert.Equal((appAdmin.Id, TeamRole.Owner), (owner.UserId, owner.Role));
        Assert.Equal(AuditAction.MembershipChanged, Assert.Single(await AuditAsync()).Action);
        Assert.Equal(1, Events.AllCount);
    }

    [Fact]
    public async Task Create_AsGlobalAdmin_CreatesTeamWithoutMembers()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var contoso = await Seed.OrganizationAsync("Contoso");

        var result = await Create<CreateTeam>().ExecuteAsync(As(admin), contoso.Id, "Support");

        Assert.True(result.Succeeded);
        Assert.Empty(await QueryAsync(db => db.TeamMembers.ToListAsync()));
        Assert.True(await QueryAsync(db => db.Teams.AnyAsync(t => t.Name == "Support")));
    }

    [Fact]
    public async Task Create_AsUser_IsForbidden()
    {
        var alice = await Seed.UserAsync("alice");
        var contoso = await Seed.OrganizationAsync("Contoso", (alice, OrganizationRole.Admin));

        var result = await Create<CreateTeam>().ExecuteAsync(As(alice), contoso.Id, "Support");

        Assert.Equal(CommandStatus.Forbidden, result.Status);
        Assert.False(await QueryAsync(db => db.Teams.AnyAsync()));
    }

    [Fact]
    public async Task Create_WithoutOrganization_IsInvalid()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);

        var result = await Create<CreateTeam>().ExecuteAsync(As(admin), null, "Support");

        await AssertRefusedAsync(result, Fields.Organization, "Choose the organization");
    }

    [Fact]
    public async Task Create_InUnknownOrganization_IsInvalid()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);

        var result = await Create<CreateTeam>().ExecuteAsync(As(admin), 4711, "Support");

        await AssertRefusedAsync(result, Fields.Organization, "Choose the organization");
        Assert.False(await QueryAsync(db => db.Teams.AnyAsync()));
    }

    [Fact]
    public async Task Create_WithEmptyName_IsInvalid()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var contoso = await Seed.OrganizationAsync("Contoso");

        var result = await Create<CreateTeam>().ExecuteAsync(As(admin), contoso.Id, "");

        await AssertRefusedAsync(result, Fields.Name, "Enter a name for the team");
    }

    [Fact]
    public async Task Create_WithOverLongName_IsInvalid()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var contoso = await Seed.OrganizationAsync("Contoso");

        var result = await Create<CreateTeam>().ExecuteAsync(As(admin), contoso.Id, new string('t', 101));

        await AssertRefusedAsync(result, Fields.Name, "at most 100");
    }

    [Fact]
    public async Task Create_WithNameTakenInTheOrganization_IsInvalid()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var contoso = await Seed.OrganizationAsync("Contoso");
        await Seed.TeamAsync(contoso, "Support");

        var result = await Create<CreateTeam>().ExecuteAsync(As(admin), contoso.Id, "SUPPORT");

        await AssertRefusedAsync(result, Fields.Name, "already has a team named");
        Assert.Equal(1, await QueryAsync(db => db.Teams.CountAsync()));
    }

    [Fact]
    public async Task Create_WithNameTakenInAnotherOrganization_Succeeds()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var contoso = await Seed.OrganizationAsync("Contoso");
        var fabrikam = await Seed.OrganizationAsync("Fabrikam");
        await Seed.TeamAsync(fabrikam, "Support");

        var result = await Create<CreateTeam>().ExecuteAsync(As(admin), contoso.Id, "Support");

        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task Create_WhenAnotherRequestTakesTheNameFirst_IsInvalidNotACrash()
    {
        var appAdmin = await Seed.UserAsync("appadmin", GlobalRole.ApplicationAdmin);
        var contoso = await Seed.OrganizationAsync("Contoso");
        var racing = Racing(async other =>
        {
            other.Teams.Add(new Team { OrganizationId = contoso.Id, Name = "Support", CreatedAt = DateTime.UtcNow });
            await other.SaveChangesAsync();
        });

        var result = await Create<CreateTeam>(racing).ExecuteAsync(As(appAdmin), contoso.Id, "Support");

        await AssertRefusedAsync(result, Fields.Name, "already has a team named");
        Assert.Empty(await QueryAsync(db => db.TeamMembers.ToListAsync()));
    }

    [Fact]
    public async Task Add_AsTeamOwner_AddsViewerAuditsAndPublishes()
    {
        var alice = await Seed.UserAsync("alice");
        var bob = await Seed.UserAsync("bob");
        var contoso = await Seed.OrganizationAsync("Contoso", (alice, OrganizationRole.Member), (bob, OrganizationRole.Member));
        var support = await Seed.TeamAsync(contoso, "Support", (alice, TeamRole.Owner));

        var result = await Create<AddTeamMember>().ExecuteAsync(As(alice), support.Id, "bob");

        Assert.True(result.Succeeded);
        Assert.Equal(TeamRole.Viewer, (await MembershipAsync(support, bob))!.Role);
        var entry = Assert.Single(await AuditAsync());
        Assert.Equal(("team Support (Contoso)", "bob added as Team Viewer"), (entry.Target, entry.Details));
        Assert.Equal(1, Events.AllCount);
    }

    [Fact]
    public async Task Add_AsGlobalAdmin_ToAnyTeam_Adds()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var bob = await Seed.UserAsync("bob");
        var contoso = await Seed.OrganizationAsync("Contoso", (bob, OrganizationRole.Member));
        var support = await Seed.TeamAsync(contoso, "Support");

        var result = await Create<AddTeamMember>().ExecuteAsync(As(admin), support.Id, "bob", TeamRole.Owner);

        Assert.True(result.Succeeded);
        Assert.Equal(TeamRole.Owner, (await MembershipAsync(support, bob))!.Role);
    }

    [Fact]
    public async Task Add_AsTeamViewer_IsForbidden()
    {
        var bob = await Seed.UserAsync("bob");
        var carol = await Seed.UserAsync("carol");
        var contoso = await Seed.OrganizationAsync("Contoso", (bob, OrganizationRole.Member), (carol, OrganizationRole.Member));
        var support = await Seed.TeamAsync(contoso, "Support", (bob, TeamRole.Viewer));

        var result = await Create<AddTeamMember>().ExecuteAsync(As(bob), support.Id, "carol");

        Assert.Equal(CommandStatus.Forbidden, result.Status);
        Assert.Null(await MembershipAsync(support, carol));
    }

    [Fact]
    public async Task Add_AsOrgAdminWhoDoesNotOwnTheTeam_IsForbidden()
    {
        var carol = await Seed.UserAsync("carol");
        var bob = await Seed.UserAsync("bob");
        var contoso = await Seed.OrganizationAsync("Contoso", (carol, OrganizationRole.Admin), (bob, OrganizationRole.Member));
        var support = await Seed.TeamAsync(contoso, "Support");

        var result = await Create<AddTeamMember>().ExecuteAsync(As(carol), support.Id, "bob");

        Assert.Equal(CommandStatus.Forbidden, result.Status);
        Assert.Null(await MembershipAsync(support, bob));
    }

    [Fact]
    public async Task Add_AsApplicationAdminWhoDoesNotOwnTheTeam_IsNotFound()
    {
        var appAdmin = await Seed.UserAsync("appadmin", GlobalRole.ApplicationAdmin);
        var bob = await Seed.UserAsync("bob");
        var contoso = await Seed.OrganizationAsync("Contoso", (bob, OrganizationRole.Member));
        var support = await Seed.TeamAsync(contoso, "Support");

        var result = await Create<AddTeamMember>().ExecuteAsync(As(appAdmin), support.Id, "bob");

        Assert.Equal(CommandStatus.NotFound, result.Status);
        Assert.Null(await MembershipAsync(support, bob));
    }

    [Fact]
    public async Task Add_UnknownUser_IsInvalid()
    {
        var alice = await Seed.UserAsync("alice");
        var contoso = await Seed.OrganizationAsync("Contoso", (alice, OrganizationRole.Member));
        var support = await Seed.TeamAsync(contoso, "Support", (alice, TeamRole.Owner));

        var result = await Create<AddTeamMember>().ExecuteAsync(As(alice), support.Id, "ghost");

        await AssertRefusedAsync(result, Fields.User, "There is no user \"ghost\"");
    }

    [Fact]
    public async Task Add_UserOutsideTheOrganization_IsInvalid()
    {
        var alice = await Seed.UserAsync("alice");
        var eve = await Seed.UserAsync("eve");
        var contoso = await Seed.OrganizationAsync("Contoso", (alice, OrganizationRole.Member));
        var support = await Seed.TeamAsync(contoso, "Support", (alice, TeamRole.Owner));

        var result = await Create<AddTeamMember>().ExecuteAsync(As(alice), support.Id, "eve");

        await AssertRefusedAsync(result, Fields.User, "eve is not a member of Contoso");
        Assert.Null(await MembershipAsync(support, eve));
    }

    [Fact]
    public async Task Add_Twice_IsInvalid()
    {
        var alice = await Seed.UserAsync("alice");
        var bob = await Seed.UserAsync("bob");
        var contoso = await Seed.OrganizationAsync("Contoso", (alice, OrganizationRole.Member), (bob, OrganizationRole.Member));
        var support = await Seed.TeamAsync(contoso, "Support", (alice, TeamRole.Owner), (bob, TeamRole.Viewer));

        var result = await Create<AddTeamMember>().ExecuteAsync(As(alice), support.Id, "bob", TeamRole.Owner);

        await AssertRefusedAsync(result, Fields.User, "bob is already in Support");
        Assert.Equal(TeamRole.Viewer, (await MembershipAsync(support, bob))!.Role);
    }

    [Fact]
    public async Task Add_UndefinedRole_IsInvalid()
    {
        var alice = await Seed.UserAsync("alice");
        await Seed.UserAsync("bob");
        var contoso = await Seed.OrganizationAsync("Contoso", (alice, OrganizationRole.Member));
        var support = await Seed.TeamAsync(contoso, "Support", (alice, TeamRole.Owner));

        var result = await Create<AddTeamMember>().ExecuteAsync(As(alice), support.Id, "bob", (TeamRole)9);

        await AssertRefusedAsync(result, Fields.Role, "Choose Team Owner or Team Viewer");
    }

    [Fact]
    public async Task Remove_AsTeamOwner_RemovesAndPublishes()
    {
        var alice = await Seed.UserAsync("alice");
        var bob = await Seed.UserAsync("bob");
        var contoso = await Seed.OrganizationAsync("Contoso");
        var support = await Seed.TeamAsync(contoso, "Support", (alice, TeamRole.Owner), (bob, TeamRole.Viewer));

        var result = await Create<RemoveTeamMember>().ExecuteAsync(As(alice), support.Id, bob.Id);

        Assert.True(result.Succeeded);
        Assert.Null(await MembershipAsync(support, bob));
        Assert.Equal("bob removed", Assert.Single(await AuditAsync()).Details);
        Assert.Equal(1, Events.AllCount);
    }

    [Fact]
    public async Task Remove_AsTeamViewer_IsForbidden()
    {
        var alice = await Seed.UserAsync("alice");
        var bob = await Seed.UserAsync("bob");
        var contoso = await Seed.OrganizationAsync("Contoso");
        var support = await Seed.TeamAsync(contoso, "Support", (alice, TeamRole.Owner), (bob, TeamRole.Viewer));

        var result = await Create<RemoveTeamMember>().ExecuteAsync(As(bob), support.Id, alice.Id);

        Assert.Equal(CommandStatus.Forbidden, result.Status);
        Assert.NotNull(await MembershipAsync(support, alice));
    }

    [Fact]
    public async Task Remove_SomeoneNotInTheTeam_IsInvalid()
    {
        var alice = await Seed.UserAsync("alice");
        var bob = await Seed.UserAsync("bob");
        var contoso = await Seed.OrganizationAsync("Contoso");
        var support = await Seed.TeamAsync(contoso, "Support", (alice, TeamRole.Owner));

        var result = await Create<RemoveTeamMember>().ExecuteAsync(As(alice), support.Id, bob.Id);

        await AssertRefusedAsync(result, Fields.User, "not a member of this team");
    }

    [Fact]
    public async Task SetRole_AsTeamOwner_PromotesViewer()
    {
        var alice = await Seed.UserAsync("alice");
        var bob = await Seed.UserAsync("bob");
        var contoso = await Seed.OrganizationAsync("Contoso");
        var support = await Seed.TeamAsync(contoso, "Support", (alice, TeamRole.Owner), (bob, TeamRole.Viewer));

        var result = await Create<SetTeamRole>().ExecuteAsync(As(alice), support.Id, bob.Id, TeamRole.Owner);

        Assert.True(result.Succeeded);
        Assert.Equal(TeamRole.Owner, (await MembershipAsync(support, bob))!.Role);
        Assert.Equal("bob: Team Viewer → Team Owner", Assert.Single(await AuditAsync()).Details);
        Assert.Equal(1, Events.AllCount);
    }

    [Fact]
    public async Task SetRole_AsTeamViewer_IsForbidden()
    {
        var alice = await Seed.UserAsync("alice");
        var bob = await Seed.UserAsync("bob");
        var contoso = await Seed.OrganizationAsync("Contoso");
        var support = await Seed.TeamAsync(contoso, "Support", (alice, TeamRole.Owner), (bob, TeamRole.Viewer));

        var result = await Create<SetTeamRole>().ExecuteAsync(As(bob), support.Id, bob.Id, TeamRole.Owner);

        Assert.Equal(CommandStatus.Forbidden, result.Status);
        Assert.Equal(TeamRole.Viewer, (await MembershipAsync(support, bob))!.Role);
    }

    [Fact]
    public async Task SetRole_ToTheRoleItAlreadyHas_IsInvalid()
    {
        var alice = await Seed.UserAsync("alice");
        var bob = await Seed.UserAsync("bob");
        var contoso = await Seed.OrganizationAsync("Contoso");
        var support = await Seed.TeamAsync(contoso, "Support", (alice, TeamRole.Owner), (bob, TeamRole.Viewer));

        var result = await Create<SetTeamRole>().ExecuteAsync(As(alice), support.Id, bob.Id, TeamRole.Viewer);

        await AssertRefusedAsync(result, Fields.Role, "already Team Viewer");
    }

    [Fact]
    public async Task SetRole_OfSomeoneNotInTheTeam_IsInvalid()
    {
        var alice = await Seed.UserAsync("alice");
        var bob = await Seed.UserAsync("bob");
        var contoso = await Seed.OrganizationAsync("Contoso");
        var support = await Seed.TeamAsync(contoso, "Support", (alice, TeamRole.Owner));

        var result = await Create<SetTeamRole>().ExecuteAsync(As(alice), support.Id, bob.Id, TeamRole.Owner);

        await AssertRefusedAsync(result, Fields.User, "not a member of this team");
    }

    [Fact]
    public async Task SetRole_UndefinedRole_IsInvalid()
    {
        var alice = await Seed.UserAsync("alice");
        var bob = await Seed.UserAsync("bob");
        var contoso = await Seed.OrganizationAsync("Contoso");
        var support = await Seed.TeamAsync(contoso, "Support", (alice, TeamRole.Owner), (bob, TeamRole.Viewer));

        var result = await Create<SetTeamRole>().ExecuteAsync(As(alice), support.Id, bob.Id, (TeamRole)5);

        await AssertRefusedAsync(result, Fields.Role, "Choose Team Owner or Team Viewer");
    }
}
