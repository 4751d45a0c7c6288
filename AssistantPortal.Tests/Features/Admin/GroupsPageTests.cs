using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Admin.Groups;
using AssistantPortal.Features.Audit;
using AssistantPortal.Features.Organizations;
using AssistantPortal.Tests.Features.Organizations;
using AssistantPortal.Tests.Infrastructure;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantPortal.Tests.Features.Admin;

/// <summary>The "Teams and organizations" admin section for a Global Admin, on a real database.</summary>
public sealed class GroupsPageTests : BunitTestBase
{
    // Generous: the database work behind a click runs on a machine shared with other builds.
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private readonly TestDatabase _database = new();
    private readonly Seed _seed;

    public GroupsPageTests()
    {
        _seed = new Seed(_database);
        Services.AddSingleton<IDbContextFactory<ApplicationDbContext>>(_ => _database);
        Services.AddSingleton<IAuditLog, global::AssistantPortal.Features.Audit.AuditLog>();
        Services.AddSingleton<IAccessChangeEvents, AccessChangeEvents>();
        Services.AddOrganizations();
        Services.AddGroupDeletionServices();
        Services.AddScoped<GroupsAdminQuery>();
    }

    private static IReadOnlyList<string> Names(IRenderedComponent<GroupsPage> cut, string table) =>
        cut.FindAll($"[data-testid={table}] tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();

    private static void Click(IRenderedComponent<GroupsPage> cut, string text) =>
        cut.ClickWhenReady(() => cut.FindAll("button").Single(b => b.TextContent.Trim() == text || b.GetAttribute("aria-label") == text), Wait);

    private static void Type(IRenderedComponent<GroupsPage> cut, string label, string value) =>
        cut.ChangeWhenReady(() => cut.FindAll(".mud-input-control").Single(c => c.QuerySelector("label")?.TextContent.Trim() == label)
            .QuerySelector("input")!, value, Wait);

    private async Task<IRenderedComponent<GroupsPage>> RenderAsGlobalAdminAsync()
    {
        SignIn(await _seed.UserAsync("gina", GlobalRole.GlobalAdmin));
        return Render<GroupsPage>();
    }

    [Fact]
    public async Task AsGlobalAdmin_ListsEveryOrganizationAndSearchesByName()
    {
        var bob = await _seed.UserAsync("bob");
        await _seed.OrganizationAsync("Contoso", (bob, OrganizationRole.Admin));
        await _seed.OrganizationAsync("Fabrikam");
        var cut = await RenderAsGlobalAdminAsync();
        cut.WaitForAssertion(() => Assert.Equal(["Contoso", "Fabrikam"], Names(cut, "organizations-table")), Wait);
        Assert.Contains("1–2 of 2 organizations", cut.Markup);

        Type(cut, "Search organizations", "FAB");

        cut.WaitForAssertion(() => Assert.Equal(["Fabrikam"], Names(cut, "organizations-table")), Wait);
    }

    [Fact]
    public async Task AsGlobalAdmin_PagesTwentyAtATime()
    {
        for (var i = 1; i <= 23; i++)
        {
            await _seed.OrganizationAsync($"Org {i:00}");
        }
        var cut = await RenderAsGlobalAdminAsync();
        cut.WaitForAssertion(() => Assert.Equal(20, Names(cut, "organizations-table").Count), Wait);
        Assert.Contains("1–20 of 23 organizations", cut.Markup);

        cut.ClickWhenReady(() => cut.FindAll(".mud-pagination-item button").Single(b => b.TextContent.Trim() == "2"), Wait);

        cut.WaitForAssertion(() => Assert.Equal(["Org 21", "Org 22", "Org 23"], Names(cut, "organizations-table")), Wait);
    }

    [Fact]
    public async Task AsGlobalAdmin_CreatesAnOrganizationAndManagesIt()
    {
        var cut = await RenderAsGlobalAdminAsync();
        cut.WaitForAssertion(() => Assert.Contains("No organizations yet.", cut.Markup), Wait);

        Type(cut, "New organization name", "Northwind");
        Click(cut, "Create organization");

        cut.WaitForAssertion(() => Assert.Equal(["Northwind"], Names(cut, "organizations-table")), Wait);
        // The new organization's own page opens below the list, with its member controls.
        cut.WaitForAssertion(() => Assert.Contains("Add member", cut.Find("[data-testid=selected-group]").TextContent), Wait);
        await using var db = _database.CreateDbContext();
        Assert.True(await db.Organizations.AnyAsync(o => o.Name == "Northwind"));
    }

    [Fact]
    public async Task AsGlobalAdmin_CreatingADuplicateOrganization_ShowsTheMessageByTheField()
    {
        await _seed.OrganizationAsync("Contoso");
        var cut = await RenderAsGlobalAdminAsync();
        cut.WaitForAssertion(() => Assert.Equal(["Contoso"], Names(cut, "organizations-table")), Wait);

        Type(cut, "New organization name", "contoso");
        Click(cut, "Create organization");

        cut.WaitForAssertion(() => Assert.Contains("An organization named \"contoso\" already exists.", cut.Markup), Wait);
        Assert.Equal(["Contoso"], Names(cut, "organizations-table"));
    }

    [Fact]
    public async Task AsGlobalAdmin_RenamesAndDeletesATeam()
    {
        var bob = await _seed.UserAsync("bob");
        var contoso = await _seed.OrganizationAsync("Contoso", (bob, OrganizationRole.Member));
        await _seed.TeamAsync(contoso, "Support", (bob, TeamRole.Owner));
        await _seed.TeamAsync(contoso, "Sales");
        var cut = await RenderAsGlobalAdminAsync();
        cut.WaitForAssertion(() => Assert.Contains("Contoso", cut.Markup), Wait);
        cut.ClickWhenReady(() => cut.FindAll(".mud-tab").Single(t => t.TextContent.Trim() == "Teams"), Wait);
        cut.WaitForAssertion(() => Assert.Equal(["Sales", "Support"], Names(cut, "teams-table")), Wait);

        Click(cut, "Manage Support (Contoso)");
        cut.WaitForAssertion(() => Assert.Contains("bob", cut.Find("[data-testid=selected-group]").TextContent), Wait);
        Click(cut, "Rename team");
        Type(cut, "New name of the team", "Customer care");
        Click(cut, "Save name");

        cut.WaitForAssertion(() => Assert.Equal(["Customer care", "Sales"], Names(cut, "teams-table")), Wait);

        Click(cut, "Delete team");
        cut.WaitForAssertion(() => Assert.Contains("Delete team \"Customer care\"?", cut.Find("[data-testid=delete-confirmation]").TextContent), Wait);
        Click(cut, "Delete permanently");

        // The list and the closing of the deleted team's panel come from the same reload, a step apart.
        cut.WaitForAssertion(() =>
        {
            Assert.Equal(["Sales"], Names(cut, "teams-table"));
            Assert.Empty(cut.FindAll("[data-testid=selected-group]"));
        }, Wait);
        await using var db = _database.CreateDbContext();
        Assert.Equal(["Sales"], await db.Teams.Select(t => t.Name).ToListAsync());
        Assert.True(await db.Users.AnyAsync(u => u.Id == bob.Id));
    }

    [Fact]
    public async Task AsGlobalAdmin_DeletingAnOrganizationWithTeams_ShowsWhyNot()
    {
        var contoso = await _seed.OrganizationAsync("Contoso");
        await _seed.TeamAsync(contoso, "Support");
        var cut = await RenderAsGlobalAdminAsync();
        cut.WaitForAssertion(() => Assert.Equal(["Contoso"], Names(cut, "organizations-table")), Wait);

        Click(cut, "Manage Contoso");
        cut.WaitForAssertion(() => Assert.Contains("Delete organization", cut.Find("[data-testid=selected-group]").TextContent), Wait);
        Click(cut, "Delete organization");
        Click(cut, "Delete permanently");

        cut.WaitForAssertion(() => Assert.Contains("Contoso still has 1 team. Delete its teams first.", cut.Markup), Wait);
        Assert.Equal(["Contoso"], Names(cut, "organizations-table"));
    }

    [Theory]
    [InlineData(GlobalRole.User)]
    [InlineData(GlobalRole.ApplicationAdmin)]
    public async Task Query_AsNonGlobalAdmin_ShowsNothing(GlobalRole role)
    {
        var someone = await _seed.UserAsync("someone", role);
        var contoso = await _seed.OrganizationAsync("Contoso", (someone, OrganizationRole.Admin));
        await _seed.TeamAsync(contoso, "Support", (someone, TeamRole.Owner));
        var query = Services.GetRequiredService<GroupsAdminQuery>();
        var principal = new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
            [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, someone.Id)], "test"));

        Assert.Equal(0, (await query.OrganizationsAsync(principal, null, 0, 20)).Total);
        Assert.Equal(0, (await query.TeamsAsync(principal, null, 0, 20)).Total);
        Assert.Empty(await query.OrganizationChoicesAsync(principal));
    }
}
