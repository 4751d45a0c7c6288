using AssistantPortal.Data;
using AssistantPortal.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Tests.Features.Organizations;

/// <summary>RenameTeam and RenameOrganization: who may, and every kind of bad name.</summary>
public sealed class RenameTests : OrganizationsTestBase
{
    private Task<string> TeamNameAsync(Team team) => QueryAsync(db => db.Teams.Where(t => t.Id == team.Id).Select(t => t.Name).SingleAsync());

    private Task<string> OrganizationNameAsync(Organization organization) =>
        QueryAsync(db => db.Organizations.Where(o => o.Id == organization.Id).Select(o => o.Name).SingleAsync());

    [Fact]
    public async Task RenameTeam_AsGlobalAdmin_RenamesAndAudits()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var contoso = await Seed.OrganizationAsync("Contoso");
        var support = await Seed.TeamAsync(contoso, "Support");

        var result = await Create<RenameTeam>().ExecuteAsync(As(admin), support.Id, "  Customer care ");

        Assert.True(result.Succeeded);
        Assert.Equal("Customer care", await TeamNameAsync(support));
        var entry = Assert.Single(await AuditAsync());
        Assert.Equal((AuditAction.MembershipChanged, "team Customer care (Contoso)"), (entry.Action, entry.Target));
        Assert.Contains("renamed from \"Support\"", entry.Details);
    }

    [Fact]
    public async Task RenameTeam_AsTeamOwner_Renames()
    {
        var dave = await Seed.UserAsync("dave");
        var contoso = await Seed.OrganizationAsync("Contoso", (dave, OrganizationRole.Member));
        var support = await Seed.TeamAsync(contoso, "Support", (dave, TeamRole.Owner));

        var result = await Create<RenameTeam>().ExecuteAsync(As(dave), support.Id, "Helpdesk");

        Assert.True(result.Succeeded);
        Assert.Equal("Helpdesk", await TeamNameAsync(support));
    }

    [Fact]
    public async Task RenameTeam_AsTeamViewer_IsForbiddenAndChangesNothing()
    {
        var bob = await Seed.UserAsync("bob");
        var contoso = await Seed.OrganizationAsync("Contoso", (bob, OrganizationRole.Member));
        var support = await Seed.TeamAsync(contoso, "Support", (bob, TeamRole.Viewer));

        var result = await Create<RenameTeam>().ExecuteAsync(As(bob), support.Id, "Mine now");

        Assert.Equal(CommandStatus.Forbidden, result.Status);
        Assert.Equal("Support", await TeamNameAsync(support));
        Assert.Empty(await AuditAsync());
    }

    [Theory]
    [InlineData(GlobalRole.User)]
    [InlineData(GlobalRole.ApplicationAdmin)]
    public async Task RenameTeam_AsNonGlobalAdminOutsideTheTeam_IsNotFound(GlobalRole role)
    {
        var outsider = await Seed.UserAsync("outsider", role);
        var contoso = await Seed.OrganizationAsync("Contoso");
        var support = await Seed.TeamAsync(contoso, "Support");

        var result = await Create<RenameTeam>().ExecuteAsync(As(outsider), support.Id, "Renamed");

        Assert.Equal(CommandStatus.NotFound, result.Status);
        Assert.Equal("Support", await TeamNameAsync(support));
    }

    [Fact]
    public async Task RenameTeam_WithEmptyName_IsInvalid()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var support = await Seed.TeamAsync(await Seed.OrganizationAsync("Contoso"), "Support");

        var result = await Create<RenameTeam>().ExecuteAsync(As(admin), support.Id, "   ");

        await AssertRefusedAsync(result, Fields.Name, "Enter a name for the team");
        Assert.Equal("Support", await TeamNameAsync(support));
    }

    [Fact]
    public async Task RenameTeam_WithOverLongName_IsInvalid()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var support = await Seed.TeamAsync(await Seed.OrganizationAsync("Contoso"), "Support");

        var result = await Create<RenameTeam>().ExecuteAsync(As(admin), support.Id, new string('t', 101));

        await AssertRefusedAsync(result, Fields.Name, "at most 100");
        Assert.Equal("Support", await TeamNameAsync(support));
    }

    [Fact]
    public async Task RenameTeam_ToANameTakenInTheOrganization_IsInvalid()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var contoso = await Seed.OrganizationAsync("Contoso");
        var support = await Seed.TeamAsync(contoso, "Support");
        await Seed.TeamAsync(contoso, "Sales");

        var result = await Create<RenameTeam>().ExecuteAsync(As(admin), support.Id, "SALES");

        await AssertRefusedAsync(result, Fields.Name, "Contoso already has a team named \"SALES\"");
        Assert.Equal("Support", await TeamNameAsync(support));
    }

    [Fact]
    public async Task RenameTeam_ToANameTakenInAnotherOrganization_Succeeds()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var support = await Seed.TeamAsync(await Seed.OrganizationAsync("Contoso"), "Support");
        await Seed.TeamAsync(await Seed.OrganizationAsync("Fabrikam"), "Sales");

        var result = await Create<RenameTeam>().ExecuteAsync(As(admin), support.Id, "Sales");

        Assert.True(result.Succeeded);
        Assert.Equal("Sales", await TeamNameAsync(support));
    }

    [Fact]
    public async Task RenameOrganization_AsGlobalAdmin_RenamesAndAudits()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var contoso = await Seed.OrganizationAsync("Contoso");

        var result = await Create<RenameOrganization>().ExecuteAsync(As(admin), contoso.Id, " Contoso Ltd ");

        Assert.True(result.Succeeded);
        Assert.Equal("Contoso Ltd", await OrganizationNameAsync(contoso));
        Assert.Contains("renamed from \"Contoso\"", Assert.Single(await AuditAsync()).Details);
    }

    [Fact]
    public async Task RenameOrganization_AsOrgAdmin_IsForbidden()
    {
        var carol = await Seed.UserAsync("carol", GlobalRole.ApplicationAdmin);
        var contoso = await Seed.OrganizationAsync("Contoso", (carol, OrganizationRole.Admin));

        var result = await Create<RenameOrganization>().ExecuteAsync(As(carol), contoso.Id, "Carol's");

        Assert.Equal(CommandStatus.Forbidden, result.Status);
        Assert.Equal("Contoso", await OrganizationNameAsync(contoso));
        Assert.Empty(await AuditAsync());
    }

    [Theory]
    [InlineData(GlobalRole.User)]
    [InlineData(GlobalRole.ApplicationAdmin)]
    public async Task RenameOrganization_AsNonGlobalAdminOutsideIt_IsNotFound(GlobalRole role)
    {
        var outsider = await Seed.UserAsync("outsider", role);
        var contoso = await Seed.OrganizationAsync("Contoso");

        var result = await Create<RenameOrganization>().ExecuteAsync(As(outsider), contoso.Id, "Renamed");

        Assert.Equal(CommandStatus.NotFound, result.Status);
        Assert.Equal("Contoso", await OrganizationNameAsync(contoso));
    }

    [Fact]
    public async Task RenameOrganization_WithEmptyName_IsInvalid()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var contoso = await Seed.OrganizationAsync("Contoso");

        var result = await Create<RenameOrganization>().ExecuteAsync(As(admin), contoso.Id, null);

        await AssertRefusedAsync(result, Fields.Name, "Enter a name for the organization");
        Assert.Equal("Contoso", await OrganizationNameAsync(contoso));
    }

    [Fact]
    public async Task RenameOrganization_WithOverLongName_IsInvalid()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var contoso = await Seed.OrganizationAsync("Contoso");

        var result = await Create<RenameOrganization>().ExecuteAsync(As(admin), contoso.Id, new string('o', 101));

        await AssertRefusedAsync(result, Fields.Name, "at most 100");
        Assert.Equal("Contoso", await OrganizationNameAsync(contoso));
    }

    [Fact]
    public async Task RenameOrganization_ToATakenName_IsInvalid()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var contoso = await Seed.OrganizationAsync("Contoso");
        await Seed.OrganizationAsync("Fabrikam");

        var result = await Create<RenameOrganization>().ExecuteAsync(As(admin), contoso.Id, "fabrikam");

        await AssertRefusedAsync(result, Fields.Name, "An organization named \"fabrikam\" already exists");
        Assert.Equal("Contoso", await OrganizationNameAsync(contoso));
    }

    [Fact]
    public async Task RenameOrganization_WhenAnotherRequestTakesTheNameFirst_IsInvalidNotACrash()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var contoso = await Seed.OrganizationAsync("Contoso");
        var command = Create<RenameOrganization>(Racing(async other =>
        {
            other.Organizations.Add(new Organization { Name = "Northwind", CreatedAt = DateTime.UtcNow });
            await other.SaveChangesAsync();
        }));

        var result = await command.ExecuteAsync(As(admin), contoso.Id, "Northwind");

        Assert.Equal(CommandStatus.Invalid, result.Status);
        Assert.Contains("already exists", result.ErrorFor(Fields.Name));
        Assert.Equal("Contoso", await OrganizationNameAsync(contoso));
    }
}
