using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Tests.Features.Organizations;

/// <summary>CreateProject, AddProjectUser, AddProjectTeam, RemoveProjectUser/Team and SetProjectUser/TeamRole.</summary>
public sealed class ProjectTests : OrganizationsTestBase
{
    private Task<ProjectUserMember?> UserMembershipAsync(Project project, ApplicationUser user) =>
        QueryAsync(db => db.ProjectUserMembers.SingleOrDefaultAsync(m => m.ProjectId == project.Id && m.UserId == user.Id));

    private Task<ProjectTeamMember?> TeamMembershipAsync(Project project, Team team) =>
        QueryAsync(db => db.ProjectTeamMembers.SingleOrDefaultAsync(m => m.ProjectId == project.Id && m.TeamId == team.Id));

    [Fact]
    public async Task Create_AsOrganizationMember_MakesTheCreatorAdmin()
    {
        var dave = await Seed.UserAsync("dave");
        var contoso = await Seed.OrganizationAsync("Contoso", (dave, OrganizationRole.Member));

        var result = await Create<CreateProject>().ExecuteAsync(As(dave), contoso.Id, null, "Wiki");

        Assert.True(result.Succeeded);
        var project = await QueryAsync(db => db.Projects.Include(p => p.UserMembers).SingleAsync());
        Assert.Equal(("Wiki", contoso.Id, (int?)null), (project.Name, project.OrganizationId, project.TeamId));
        var admin = Assert.Single(project.UserMembers);
        Assert.Equal((dave.Id, ProjectRole.Admin), (admin.UserId, admin.Role));
        Assert.Equal(AuditAction.MembershipChanged, Assert.Single(await AuditAsync()).Action);
        Assert.Equal(1, Events.AllCount);
    }

    [Fact]
    public async Task Create_ForATeamTheCreatorIsIn_BelongsToThatTeam()
    {
        var bob = await Seed.UserAsync("bob");
        var contoso = await Seed.OrganizationAsync("Contoso", (bob, OrganizationRole.Member));
        var support = await Seed.TeamAsync(contoso, "Support", (bob, TeamRole.Viewer));

        var result = await Create<CreateProject>().ExecuteAsync(As(bob), contoso.Id, support.Id, "Helpdesk");

        Assert.True(result.Succeeded);
        Assert.Equal(support.Id, (await QueryAsync(db => db.Projects.SingleAsync())).TeamId);
    }

    [Fact]
    public async Task Create_AsGlobalAdmin_InAnyOrganizationAndTeam_Succeeds()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var contoso = await Seed.OrganizationAsync("Contoso");
        var support = await Seed.TeamAsync(contoso, "Support");

        var result = await Create<CreateProject>().ExecuteAsync(As(admin), contoso.Id, support.Id, "Helpdesk");

        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task Create_InAnOrganizationTheCreatorIsNotIn_IsInvalid()
    {
        var eve = await Seed.UserAsync("eve", GlobalRole.ApplicationAdmin);
        var contoso = await Seed.OrganizationAsync("Contoso");

        var result = await Create<CreateProject>().ExecuteAsync(As(eve), contoso.Id, null, "Wiki");

        await AssertRefusedAsync(result, Fields.Organization, "you are a member of");
        Assert.False(await QueryAsync(db => db.Projects.AnyAsync()));
    }

    [Fact]
    public async Task Create_WithoutOrganization_IsInvalid()
    {
        var dave = await Seed.UserAsync("dave");

        var result = await Create<CreateProject>().ExecuteAsync(As(dave), null, null, "Wiki");

        await AssertRefusedAsync(result, Fields.Organization, "Choose an organization");
    }

    [Fact]
    public async Task Create_ForATeamTheCreatorIsNotIn_IsInvalid()
    {
        var dave = await Seed.UserAsync("dave");
        var contoso = await Seed.OrganizationAsync("Contoso", (dave, OrganizationRole.Member));
        var support = await Seed.TeamAsync(contoso, "Support");

        var result = await Create<CreateProject>().ExecuteAsync(As(dave), contoso.Id, support.Id, "Helpdesk");

        await AssertRefusedAsync(result, Fields.Team, "that you are in");
        Assert.False(await QueryAsync(db => db.Projects.AnyAsync()));
    }

    [Fact]
    public async Task Create_ForATeamOfAnotherOrganization_IsInvalid()
    {
        var dave = await Seed.UserAsync("dave");
        var contoso = await Seed.OrganizationAsync("Contoso", (dave, OrganizationRole.Member));
        var fabrikam = await Seed.OrganizationAsync("Fabrikam", (dave, OrganizationRole.Member));
        var fabrikamTeam = await Seed.TeamAsync(fabrikam, "Support", (dave, TeamRole.Owner));

        var result = await Create<CreateProject>().ExecuteAsync(As(dave), contoso.Id, fabrikamTeam.Id, "Helpdesk");

        await AssertRefusedAsync(result, Fields.Team, "Choose a team of Contoso");
    }

    [Fact]
    public async Task Create_WithEmptyName_IsInvalid()
    {
        var dave = await Seed.UserAsync("dave");
        var contoso = await Seed.OrganizationAsync("Contoso", (dave, OrganizationRole.Member));

        var result = await Create<CreateProject>().ExecuteAsync(As(dave), contoso.Id, null, null);

        await AssertRefusedAsync(result, Fields.Name, "Enter a name for the project");
    }

    [Fact]
    public async Task Create_WithOverLongName_IsInvalid()
    {
        var dave = await Seed.UserAsync("dave");
        var contoso = await Seed.OrganizationAsync("Contoso", (dave, OrganizationRole.Member));

        var result = await Create<CreateProject>().ExecuteAsync(As(dave), contoso.Id, null, new string('p', 101));

        await AssertRefusedAsync(result, Fields.Name, "at most 100");
    }

    [Fact]
    public async Task Create_WithNameTakenInTheOrganization_IsInvalid()
    {
        var dave = await Seed.UserAsync("dave");
        var contoso = await Seed.OrganizationAsync("Contoso", (dave, OrganizationRole.Member));
        await Seed.ProjectAsync(contoso, "Wiki");

        var result = await Create<CreateProject>().ExecuteAsync(As(dave), contoso.Id, null, "wiki");

        await AssertRefusedAsync(result, Fields.Name, "already has a project named");
        Assert.Equal(1, await QueryAsync(db => db.Projects.CountAsync()));
    }

    [Fact]
    public async Task AddUser_AsProjectAdmin_AddsMemberWhoThenReadsItsAssistants()
    {
        var carol = await Seed.UserAsync("carol");
        var dave = await Seed.UserAsync("dave");
        var contoso = await Seed.OrganizationAsync("Contoso", (carol, OrganizationRole.Member), (dave, OrganizationRole.Member));
        var wiki = await Seed.ProjectAsync(contoso, "Wiki");
        await Seed.AddToProjectAsync(wiki, carol, ProjectRole.Admin);
        var guide = await Seed.AssistantAsync(carol, "Wiki Guide", wiki);

        var result = await Create<AddProjectUser>().ExecuteAsync(As(carol), wiki.Id, "dave", ProjectRole.Member);

        Assert.True(result.Succeeded);
        Assert.Equal(ProjectRole.Member, (await UserMembershipAsync(wiki, dave))!.Role);
        Assert.Equal("dave added as Member", Assert.Single(await AuditAsync()).Details);
        Assert.Equal(1, Events.AllCount);
        var access = await new AccessResolver(Database).ResolveAsync(new Viewer(dave.Id), guide.Id);
        Assert.Equal(AccessLevel.ReadOnly, access.Level);
    }

    [Fact]
    public async Task AddUser_AsProjectMember_IsForbidden()
    {
        var carol = await Seed.UserAsync("carol");
        var dave = await Seed.UserAsync("dave");
        var contoso = await Seed.OrganizationAsync("Contoso", (carol, OrganizationRole.Member), (dave, OrganizationRole.Member));
        var wiki = await Seed.ProjectAsync(contoso, "Wiki");
        await Seed.AddToProjectAsync(wiki, dave, ProjectRole.Member);

        var result = await Create<AddProjectUser>().ExecuteAsync(As(dave), wiki.Id, "carol", ProjectRole.Admin);

        Assert.Equal(CommandStatus.Forbidden, result.Status);
        Assert.Null(await UserMembershipAsync(wiki, carol));
    }

    [Fact]
    public async Task AddUser_ToAProjectTheActorCannotSee_IsNotFound()
    {
        var eve = await Seed.UserAsync("eve");
        var dave = await Seed.UserAsync("dave");
        var contoso = await Seed.OrganizationAsync("Contoso", (eve, OrganizationRole.Member), (dave, OrganizationRole.Member));
        var wiki = await Seed.ProjectAsync(contoso, "Wiki");

        var result = await Create<AddProjectUser>().ExecuteAsync(As(eve), wiki.Id, "dave", ProjectRole.Admin);

        Assert.Equal(CommandStatus.NotFound, result.Status);
        Assert.Null(await UserMembershipAsync(wiki, dave));
    }

    [Fact]
    public async Task AddUser_AsOrgAdmin_Adds()
    {
        var carol = await Seed.UserAsync("carol");
        var dave = await Seed.UserAsync("dave");
        var contoso = await Seed.OrganizationAsync("Contoso", (carol, OrganizationRole.Admin), (dave, OrganizationRole.Member));
        var wiki = await Seed.ProjectAsync(contoso, "Wiki");

        var result = await Create<AddProjectUser>().ExecuteAsync(As(carol), wiki.Id, "dave", ProjectRole.Admin);

        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task AddUser_AsOwnerOfTheProjectsTeam_Adds()
    {
        var alice = await Seed.UserAsync("alice");
        var dave = await Seed.UserAsync("dave");
        var contoso = await Seed.OrganizationAsync("Contoso", (alice, OrganizationRole.Member), (dave, OrganizationRole.Member));
        var support = await Seed.TeamAsync(contoso, "Support", (alice, TeamRole.Owner));
        var helpdesk = await Seed.ProjectAsync(contoso, "Helpdesk", support);

        var result = await Create<AddProjectUser>().ExecuteAsync(As(alice), helpdesk.Id, "dave", ProjectRole.Member);

        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task AddUser_ThroughATeamThatIsProjectAdmin_Adds()
    {
        var bob = await Seed.UserAsync("bob");
        var dave = await Seed.UserAsync("dave");
        var contoso = await Seed.OrganizationAsync("Contoso", (bob, OrganizationRole.Member), (dave, OrganizationRole.Member));
        var support = await Seed.TeamAsync(contoso, "Support", (bob, TeamRole.Viewer));
        var wiki = await Seed.ProjectAsync(contoso, "Wiki");
        await Seed.AddToProjectAsync(wiki, support, ProjectRole.Admin);

        var result = await Create<AddProjectUser>().ExecuteAsync(As(bob), wiki.Id, "dave", ProjectRole.Member);

        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task AddUser_UnknownUser_IsInvalid()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var contoso = await Seed.OrganizationAsync("Contoso");
        var wiki = await Seed.ProjectAsync(contoso, "Wiki");

        var result = await Create<AddProjectUser>().ExecuteAsync(As(admin), wiki.Id, "ghost", ProjectRole.Member);

        await AssertRefusedAsync(result, Fields.User, "There is no user \"ghost\"");
    }

    [Fact]
    public async Task AddUser_OutsideTheOrganization_IsInvalid()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var eve = await Seed.UserAsync("eve");
        var contoso = await Seed.OrganizationAsync("Contoso");
        var wiki = await Seed.ProjectAsync(contoso, "Wiki");

        var result = await Create<AddProjectUser>().ExecuteAsync(As(admin), wiki.Id, "eve", ProjectRole.Member);

        await AssertRefusedAsync(result, Fields.User, "eve is not a member of Contoso");
        Assert.Null(await UserMembershipAsync(wiki, eve));
    }

    [Fact]
    public async Task AddUser_Twice_IsInvalid()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var dave = await Seed.UserAsync("dave");
        var contoso = await Seed.OrganizationAsync("Contoso", (dave, OrganizationRole.Member));
        var wiki = await Seed.ProjectAsync(contoso, "Wiki");
        await Seed.AddToProjectAsync(wiki, dave, ProjectRole.Member);

        var result = await Create<AddProjectUser>().ExecuteAsync(As(admin), wiki.Id, "dave", ProjectRole.Admin);

        await AssertRefusedAsync(result, Fields.User, "dave is already in Wiki");
        Assert.Equal(ProjectRole.Member, (await UserMembershipAsync(wiki, dave))!.Role);
    }

    [Fact]
    public async Task AddUser_UndefinedRole_IsInvalid()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var dave = await Seed.UserAsync("dave");
        var contoso = await Seed.OrganizationAsync("Contoso", (dave, OrganizationRole.Member));
        var wiki = await Seed.ProjectAsync(contoso, "Wiki");

        var result = await Create<AddProjectUser>().ExecuteAsync(As(admin), wiki.Id, "dave", (ProjectRole)3);

        await AssertRefusedAsync(result, Fields.Role, "Choose Member or Admin");
    }

    [Fact]
    public async Task AddTeam_AsProjectAdmin_AddsTeamWhoseMembersGetOwnerLevel()
    {
        var carol = await Seed.UserAsync("carol");
        var bob = await Seed.UserAsync("bob");
        var contoso = await Seed.OrganizationAsync("Contoso", (carol, OrganizationRole.Member));
        var support = await Seed.TeamAsync(contoso, "Support", (bob, TeamRole.Viewer));
        var wiki = await Seed.ProjectAsync(contoso, "Wiki");
        await Seed.AddToProjectAsync(wiki, carol, ProjectRole.Admin);
        var guide = await Seed.AssistantAsync(carol, "Wiki Guide", wiki);

        var result = await Create<AddProjectTeam>().ExecuteAsync(As(carol), wiki.Id, "support", ProjectRole.Admin);

        Assert.True(result.Succeeded);
        Assert.Equal(ProjectRole.Admin, (await TeamMembershipAsync(wiki, support))!.Role);
        Assert.Equal("team Support added as Admin", Assert.Single(await AuditAsync()).Details);
        Assert.Equal(1, Events.AllCount);
        Assert.Equal(AccessLevel.Owner, (await new AccessResolver(Database).ResolveAsync(new Viewer(bob.Id), guide.Id)).Level);
    }

    [Fact]
    public async Task AddTeam_UnknownTeam_IsInvalid()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var contoso = await Seed.OrganizationAsync("Contoso");
        var wiki = await Seed.ProjectAsync(contoso, "Wiki");

        var result = await Create<AddProjectTeam>().ExecuteAsync(As(admin), wiki.Id, "Nobody", ProjectRole.Member);

        await AssertRefusedAsync(result, Fields.Team, "There is no team \"Nobody\" in Contoso");
    }

    [Fact]
    public async Task AddTeam_EmptyName_IsInvalid()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var contoso = await Seed.OrganizationAsync("Contoso");
        var wiki = await Seed.ProjectAsync(contoso, "Wiki");

        var result = await Create<AddProjectTeam>().ExecuteAsync(As(admin), wiki.Id, "", ProjectRole.Member);

        await AssertRefusedAsync(result, Fields.Team, "Choose a team");
    }

    [Fact]
    public async Task AddTeam_OfAnotherOrganization_IsInvalid()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var contoso = await Seed.OrganizationAsync("Contoso");
        var fabrikam = await Seed.OrganizationAsync("Fabrikam");
        await Seed.TeamAsync(fabrikam, "Sales");
        var wiki = await Seed.ProjectAsync(contoso, "Wiki");

        var result = await Create<AddProjectTeam>().ExecuteAsync(As(admin), wiki.Id, "Sales", ProjectRole.Member);

        await AssertRefusedAsync(result, Fields.Team, "There is no team \"Sales\" in Contoso");
    }

    [Fact]
    public async Task AddTeam_Twice_IsInvalid()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var contoso = await Seed.OrganizationAsync("Contoso");
        var support = await Seed.TeamAsync(contoso, "Support");
        var wiki = await Seed.ProjectAsync(contoso, "Wiki");
        await Seed.AddToProjectAsync(wiki, support, ProjectRole.Member);

        var result = await Create<AddProjectTeam>().ExecuteAsync(As(admin), wiki.Id, "Support", ProjectRole.Admin);

        await AssertRefusedAsync(result, Fields.Team, "Team Support is already in Wiki");
    }

    [Fact]
    public async Task AddTeam_AsProjectMember_IsForbidden()
    {
        var dave = await Seed.UserAsync("dave");
        var contoso = await Seed.OrganizationAsync("Contoso", (dave, OrganizationRole.Member));
        var support = await Seed.TeamAsync(contoso, "Support");
        var wiki = await Seed.ProjectAsync(contoso, "Wiki");
        await Seed.AddToProjectAsync(wiki, dave, ProjectRole.Member);

        var result = await Create<AddProjectTeam>().ExecuteAsync(As(dave), wiki.Id, "Support", ProjectRole.Member);

        Assert.Equal(CommandStatus.Forbidden, result.Status);
        Assert.Null(await TeamMembershipAsync(wiki, support));
    }

    [Fact]
    public async Task RemoveUser_AsProjectAdmin_RemovesAndAccessEnds()
    {
        var carol = await Seed.UserAsync("carol");
        var dave = await Seed.UserAsync("dave");
        var contoso = await Seed.OrganizationAsync("Contoso");
        var wiki = await Seed.ProjectAsync(contoso, "Wiki");
        await Seed.AddToProjectAsync(wiki, carol, ProjectRole.Admin);
        await Seed.AddToProjectAsync(wiki, dave, ProjectRole.Member);
        var guide = await Seed.AssistantAsync(carol, "Wiki Guide", wiki);

        var result = await Create<RemoveProjectUser>().ExecuteAsync(As(carol), wiki.Id, dave.Id);

        Assert.True(result.Succeeded);
        Assert.Null(await UserMembershipAsync(wiki, dave));
        Assert.Equal("dave removed", Assert.Single(await AuditAsync()).Details);
        Assert.Equal(1, Events.AllCount);
        Assert.Equal(AccessLevel.None, (await new AccessResolver(Database).ResolveAsync(new Viewer(dave.Id), guide.Id)).Level);
    }

    [Fact]
    public async Task RemoveUser_NotInTheProject_IsInvalid()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var dave = await Seed.UserAsync("dave");
        var contoso = await Seed.OrganizationAsync("Contoso");
        var wiki = await Seed.ProjectAsync(contoso, "Wiki");

        var result = await Create<RemoveProjectUser>().ExecuteAsync(As(admin), wiki.Id, dave.Id);

        await AssertRefusedAsync(result, Fields.User, "not a member of this project");
    }

    [Fact]
    public async Task RemoveUser_AsProjectMember_IsForbidden()
    {
        var carol = await Seed.UserAsync("carol");
        var dave = await Seed.UserAsync("dave");
        var contoso = await Seed.OrganizationAsync("Contoso");
        var wiki = await Seed.ProjectAsync(contoso, "Wiki");
        await Seed.AddToProjectAsync(wiki, carol, ProjectRole.Admin);
        await Seed.AddToProjectAsync(wiki, dave, ProjectRole.Member);

        var result = await Create<RemoveProjectUser>().ExecuteAsync(As(dave), wiki.Id, carol.Id);

        Assert.Equal(CommandStatus.Forbidden, result.Status);
        Assert.NotNull(await UserMembershipAsync(wiki, carol));
    }

    [Fact]
    public async Task RemoveTeam_AsProjectAdmin_Removes()
    {
        var carol = await Seed.UserAsync("carol");
        var contoso = await Seed.OrganizationAsync("Contoso");
        var support = await Seed.TeamAsync(contoso, "Support");
        var wiki = await Seed.ProjectAsync(contoso, "Wiki");
        await Seed.AddToProjectAsync(wiki, carol, ProjectRole.Admin);
        await Seed.AddToProjectAsync(wiki, support, ProjectRole.Member);

        var result = await Create<RemoveProjectTeam>().ExecuteAsync(As(carol), wiki.Id, support.Id);

        Assert.True(result.Succeeded);
        Assert.Null(await TeamMembershipAsync(wiki, support));
        Assert.Equal("team Support removed", Assert.Single(await AuditAsync()).Details);
        Assert.Equal(1, Events.AllCount);
    }

    [Fact]
    public async Task RemoveTeam_NotInTheProject_IsInvalid()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var contoso = await Seed.OrganizationAsync("Contoso");
        var support = await Seed.TeamAsync(contoso, "Support");
        var wiki = await Seed.ProjectAsync(contoso, "Wiki");

        var result = await Create<RemoveProjectTeam>().ExecuteAsync(As(admin), wiki.Id, support.Id);

        await AssertRefusedAsync(result, Fields.Team, "not in this project");
    }

    [Fact]
    public async Task SetUserRole_AsProjectAdmin_ChangesRole()
    {
        var carol = await Seed.UserAsync("carol");
        var dave = await Seed.UserAsync("dave");
        var contoso = await Seed.OrganizationAsync("Contoso");
        var wiki = await Seed.ProjectAsync(contoso, "Wiki");
        await Seed.AddToProjectAsync(wiki, carol, ProjectRole.Admin);
        await Seed.AddToProjectAsync(wiki, dave, ProjectRole.Member);

        var result = await Create<SetProjectUserRole>().ExecuteAsync(As(carol), wiki.Id, dave.Id, ProjectRole.Admin);

        Assert.True(result.Succeeded);
        Assert.Equal(ProjectRole.Admin, (await UserMembershipAsync(wiki, dave))!.Role);
        Assert.Equal("dave: Member → Admin", Assert.Single(await AuditAsync()).Details);
        Assert.Equal(1, Events.AllCount);
    }

    [Fact]
    public async Task SetUserRole_ToTheRoleItAlreadyHas_IsInvalid()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var dave = await Seed.UserAsync("dave");
        var contoso = await Seed.OrganizationAsync("Contoso");
        var wiki = await Seed.ProjectAsync(contoso, "Wiki");
        await Seed.AddToProjectAsync(wiki, dave, ProjectRole.Member);

        var result = await Create<SetProjectUserRole>().ExecuteAsync(As(admin), wiki.Id, dave.Id, ProjectRole.Member);

        await AssertRefusedAsync(result, Fields.Role, "already Member");
    }

    [Fact]
    public async Task SetUserRole_OfSomeoneNotInTheProject_IsInvalid()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var dave = await Seed.UserAsync("dave");
        var contoso = await Seed.OrganizationAsync("Contoso");
        var wiki = await Seed.ProjectAsync(contoso, "Wiki");

        var result = await Create<SetProjectUserRole>().ExecuteAsync(As(admin), wiki.Id, dave.Id, ProjectRole.Admin);

        await AssertRefusedAsync(result, Fields.User, "not a member of this project");
    }

    [Fact]
    public async Task SetTeamRole_AsGlobalAdmin_ChangesRole()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var contoso = await Seed.OrganizationAsync("Contoso");
        var support = await Seed.TeamAsync(contoso, "Support");
        var wiki = await Seed.ProjectAsync(contoso, "Wiki");
        await Seed.AddToProjectAsync(wiki, support, ProjectRole.Member);

        var result = await Create<SetProjectTeamRole>().ExecuteAsync(As(admin), wiki.Id, support.Id, ProjectRole.Admin);

        Assert.True(result.Succeeded);
        Assert.Equal(ProjectRole.Admin, (await TeamMembershipAsync(wiki, support))!.Role);
        Assert.Equal(1, Events.AllCount);
    }

    [Fact]
    public async Task SetTeamRole_ToTheRoleItAlreadyHas_IsInvalid()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var contoso = await Seed.OrganizationAsync("Contoso");
        var support = await Seed.TeamAsync(contoso, "Support");
        var wiki = await Seed.ProjectAsync(contoso, "Wiki");
        await Seed.AddToProjectAsync(wiki, support, ProjectRole.Admin);

        var result = await Create<SetProjectTeamRole>().ExecuteAsync(As(admin), wiki.Id, support.Id, ProjectRole.Admin);

        await AssertRefusedAsync(result, Fields.Role, "already Admin");
    }

    [Fact]
    public async Task SetTeamRole_OfATeamNotInTheProject_IsInvalid()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var contoso = await Seed.OrganizationAsync("Contoso");
        var support = await Seed.TeamAsync(contoso, "Support");
        var wiki = await Seed.ProjectAsync(contoso, "Wiki");

        var result = await Create<SetProjectTeamRole>().ExecuteAsync(As(admin), wiki.Id, support.Id, ProjectRole.Admin);

        await AssertRefusedAsync(result, Fields.Team, "not in this project");
    }
}
