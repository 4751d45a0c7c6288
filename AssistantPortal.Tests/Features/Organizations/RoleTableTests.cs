using AssistantPortal.Data;
using AssistantPortal.Features.Organizations;

namespace AssistantPortal.Tests.Features.Organizations;

/// <summary>SPEC §3's role table, row by row, through the real commands.</summary>
public sealed class RoleTableTests : OrganizationsTestBase
{
    [Theory]
    [InlineData(GlobalRole.GlobalAdmin, true)]
    [InlineData(GlobalRole.ApplicationAdmin, false)]
    [InlineData(GlobalRole.User, false)]
    public async Task CreateOrganizations(GlobalRole role, bool allowed)
    {
        var actor = await Seed.UserAsync("actor", role);

        var result = await Create<CreateOrganization>().ExecuteAsync(As(actor), "Contoso");

        Assert.Equal(allowed, result.Succeeded);
    }

    [Theory]
    [InlineData(GlobalRole.GlobalAdmin, true)]
    [InlineData(GlobalRole.ApplicationAdmin, false)]
    [InlineData(GlobalRole.User, false)]
    public async Task ManageOrganizationAdmins(GlobalRole role, bool allowed)
    {
        var actor = await Seed.UserAsync("actor", role);
        var alice = await Seed.UserAsync("alice");
        var contoso = await Seed.OrganizationAsync("Contoso", (actor, OrganizationRole.Member), (alice, OrganizationRole.Member));

        var result = await Create<SetOrganizationRole>().ExecuteAsync(As(actor), contoso.Id, alice.Id, OrganizationRole.Admin);

        Assert.Equal(allowed, result.Succeeded);
    }

    [Theory]
    [InlineData(GlobalRole.GlobalAdmin, true)]
    [InlineData(GlobalRole.ApplicationAdmin, true)]
    [InlineData(GlobalRole.User, false)]
    public async Task CreateTeams(GlobalRole role, bool allowed)
    {
        var actor = await Seed.UserAsync("actor", role);
        var contoso = await Seed.OrganizationAsync("Contoso", (actor, OrganizationRole.Member));

        var result = await Create<CreateTeam>().ExecuteAsync(As(actor), contoso.Id, "Support");

        Assert.Equal(allowed, result.Succeeded);
    }

    [Theory]
    [InlineData(GlobalRole.GlobalAdmin, true)]
    [InlineData(GlobalRole.ApplicationAdmin, false)]
    [InlineData(GlobalRole.User, false)]
    public async Task ManageMembersOfEveryTeam(GlobalRole role, bool allowed)
    {
        var actor = await Seed.UserAsync("actor", role);
        var bob = await Seed.UserAsync("bob");
        var contoso = await Seed.OrganizationAsync("Contoso", (actor, OrganizationRole.Member), (bob, OrganizationRole.Member));
        var support = await Seed.TeamAsync(contoso, "Support", (actor, TeamRole.Viewer));

        var result = await Create<AddTeamMember>().ExecuteAsync(As(actor), support.Id, "bob");

        Assert.Equal(allowed, result.Succeeded);
    }

    [Theory]
    [InlineData(GlobalRole.GlobalAdmin)]
    [InlineData(GlobalRole.ApplicationAdmin)]
    [InlineData(GlobalRole.User)]
    public async Task ManageMembersOfTeamsItOwns(GlobalRole role)
    {
        var actor = await Seed.UserAsync("actor", role);
        var bob = await Seed.UserAsync("bob");
        var contoso = await Seed.OrganizationAsync("Contoso", (actor, OrganizationRole.Member), (bob, OrganizationRole.Member));
        var support = await Seed.TeamAsync(contoso, "Support", (actor, TeamRole.Owner));

        var result = await Create<AddTeamMember>().ExecuteAsync(As(actor), support.Id, "bob");

        Assert.True(result.Succeeded);
    }

    [Theory]
    [InlineData(GlobalRole.GlobalAdmin)]
    [InlineData(GlobalRole.ApplicationAdmin)]
    [InlineData(GlobalRole.User)]
    public async Task CreateProjects(GlobalRole role)
    {
        var actor = await Seed.UserAsync("actor", role);
        var contoso = await Seed.OrganizationAsync("Contoso", (actor, OrganizationRole.Member));

        var result = await Create<CreateProject>().ExecuteAsync(As(actor), contoso.Id, null, "Wiki");

        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task ARoleChange_AppliesOnTheNextCommand()
    {
        var actor = await Seed.UserAsync("actor", GlobalRole.GlobalAdmin);
        await using (var db = Database.CreateDbContext())
        {
            (await db.Users.FindAsync(actor.Id))!.GlobalRole = GlobalRole.User;
            await db.SaveChangesAsync();
        }

        var result = await Create<CreateOrganization>().ExecuteAsync(As(actor), "Contoso");

        Assert.Equal(CommandStatus.Forbidden, result.Status);
    }
}
