using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Audit;
using AssistantPortal.Features.Organizations;
using AssistantPortal.Features.Organizations.Pages;
using AssistantPortal.Tests.Infrastructure;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantPortal.Tests.Features.Organizations;

/// <summary>The organization and project detail pages on a real database.</summary>
public sealed class DetailPagesTests : BunitTestBase
{
    // Generous: the database work behind a click runs on a machine shared with other builds.
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private readonly TestDatabase _database = new();
    private readonly Seed _seed;

    public DetailPagesTests()
    {
        _seed = new Seed(_database);
        // Created by a factory so the container deletes the database file when the test context is disposed.
        Services.AddSingleton<IDbContextFactory<ApplicationDbContext>>(_ => _database);
        Services.AddSingleton<IAuditLog, AuditLog>();
        Services.AddSingleton<IAccessChangeEvents, AccessChangeEvents>();
        Services.AddOrganizations();
        Services.AddGroupDeletionServices();
    }

    private static void Click<T>(IRenderedComponent<T> cut, Func<AngleSharp.Dom.IElement, bool> which) where T : Microsoft.AspNetCore.Components.IComponent =>
        cut.ClickWhenReady(() => cut.FindAll("button").Single(which), Wait);

    private static IReadOnlyList<string> Rows<T>(IRenderedComponent<T> cut, int table) where T : Microsoft.AspNetCore.Components.IComponent =>
        cut.FindAll("table")[table].QuerySelectorAll("tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();

    [Fact]
    public async Task Organization_AsOrgAdmin_RemovesAMemberButOffersNoRemoveForAdmins()
    {
        var carol = await _seed.UserAsync("carol");
        var alice = await _seed.UserAsync("alice");
        var contoso = await _seed.OrganizationAsync("Contoso", (carol, OrganizationRole.Admin), (alice, OrganizationRole.Member));
        await _seed.TeamAsync(contoso, "Support");
        SignIn(carol);
        var cut = Render<OrganizationDetailPage>(p => p.Add(x => x.Id, contoso.Id));
        cut.WaitForAssertion(() => Assert.Equal(["alice", "carol"], Rows(cut, 0)), Wait);
        Assert.Contains("Support", cut.Markup);
        Assert.Null(cut.FindAll("button").SingleOrDefault(b => b.GetAttribute("aria-label") == "Remove carol"));

        Click(cut, b => b.GetAttribute("aria-label") == "Remove alice");

        cut.WaitForAssertion(() => Assert.Equal(["carol"], Rows(cut, 0)), Wait);
        await using var db = _database.CreateDbContext();
        Assert.False(await db.OrganizationMembers.AnyAsync(m => m.UserId == alice.Id));
    }

    [Fact]
    public async Task Organization_AsPlainMember_ShowsMembersWithoutControls()
    {
        var bob = await _seed.UserAsync("bob");
        var carol = await _seed.UserAsync("carol");
        var contoso = await _seed.OrganizationAsync("Contoso", (carol, OrganizationRole.Admin), (bob, OrganizationRole.Member));
        SignIn(bob);

        var cut = Render<OrganizationDetailPage>(p => p.Add(x => x.Id, contoso.Id));

        cut.WaitForAssertion(() => Assert.Equal(["bob", "carol"], Rows(cut, 0)), Wait);
        Assert.Contains("Org Admin", cut.Find("tbody").TextContent);
        Assert.DoesNotContain("Add member", cut.Markup);
        Assert.DoesNotContain("Remove", cut.Markup);
    }

    [Fact]
    public async Task Organization_UnknownId_IsNotFound()
    {
        var admin = await _seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        SignIn(admin);

        var cut = Render<OrganizationDetailPage>(p => p.Add(x => x.Id, 4711));

        cut.WaitForAssertion(() => Assert.Contains("Organization not found.", cut.Markup), Wait);
    }

    [Fact]
    public async Task Project_AsAdmin_ShowsPeopleAndTeamsAndRemovesATeam()
    {
        var carol = await _seed.UserAsync("carol");
        var contoso = await _seed.OrganizationAsync("Contoso", (carol, OrganizationRole.Member));
        var support = await _seed.TeamAsync(contoso, "Support");
        var wiki = await _seed.ProjectAsync(contoso, "Wiki");
        await _seed.AddToProjectAsync(wiki, carol, ProjectRole.Admin);
        await _seed.AddToProjectAsync(wiki, support, ProjectRole.Member);
        SignIn(carol);
        var cut = Render<ProjectDetailPage>(p => p.Add(x => x.Id, wiki.Id));
        cut.WaitForAssertion(() => Assert.Equal(["Support"], Rows(cut, 1)), Wait);
        Assert.Equal(["carol"], Rows(cut, 0));

        Click(cut, b => b.GetAttribute("aria-label") == "Remove team Support");

        cut.WaitForAssertion(() => Assert.Contains("No teams added.", cut.Markup), Wait);
    }

    [Fact]
    public async Task Project_AddingATeamTwice_ShowsTheMessageNextToTheTeamField()
    {
        var admin = await _seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var contoso = await _seed.OrganizationAsync("Contoso");
        var support = await _seed.TeamAsync(contoso, "Support");
        var wiki = await _seed.ProjectAsync(contoso, "Wiki");
        await _seed.AddToProjectAsync(wiki, support, ProjectRole.Member);
        SignIn(admin);
        var cut = Render<ProjectDetailPage>(p => p.Add(x => x.Id, wiki.Id));
        cut.WaitForAssertion(() => Assert.Contains("Add team", cut.Markup), Wait);

        // Selects are read-only inputs; the second typeable input on the page is the team autocomplete.
        cut.InputWhenReady(() => cut.FindAll("input").Where(i => i.GetAttribute("readonly") is null).ElementAt(1), "Support", Wait);
        Click(cut, b => b.TextContent.Trim() == "Add team");

        cut.WaitForAssertion(() => Assert.Contains("Team Support is already in Wiki.", cut.Find(".mud-input-control.mud-input-error").TextContent), Wait);
    }

    [Fact]
    public async Task Team_OpenAsOwner_LosesItsControlsWhenDemotedElsewhere()
    {
        var admin = await _seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var alice = await _seed.UserAsync("alice");
        var contoso = await _seed.OrganizationAsync("Contoso", (alice, OrganizationRole.Member));
        var support = await _seed.TeamAsync(contoso, "Support", (alice, TeamRole.Owner));
        SignIn(alice);
        var cut = Render<TeamDetailPage>(p => p.Add(x => x.Id, support.Id));
        cut.WaitForAssertion(() => Assert.Contains("Add member", cut.Markup), Wait);

        var demoted = await Services.GetRequiredService<SetTeamRole>().ExecuteAsync(
            new System.Security.Claims.ClaimsPrincipal(new System.Security.Claims.ClaimsIdentity(
                [new System.Security.Claims.Claim(System.Security.Claims.ClaimTypes.NameIdentifier, admin.Id)], "test")),
            support.Id, alice.Id, TeamRole.Viewer);

        Assert.True(demoted.Succeeded);
        cut.WaitForAssertion(() => Assert.DoesNotContain("Add member", cut.Markup), Wait);
        Assert.Contains("Team Viewer", cut.Find("tbody").TextContent);
    }

    [Fact]
    public async Task Project_AsMember_ShowsNoControls()
    {
        var dave = await _seed.UserAsync("dave");
        var contoso = await _seed.OrganizationAsync("Contoso", (dave, OrganizationRole.Member));
        var wiki = await _seed.ProjectAsync(contoso, "Wiki");
        await _seed.AddToProjectAsync(wiki, dave, ProjectRole.Member);
        SignIn(dave);

        var cut = Render<ProjectDetailPage>(p => p.Add(x => x.Id, wiki.Id));

        cut.WaitForAssertion(() => Assert.Equal(["dave"], Rows(cut, 0)), Wait);
        Assert.DoesNotContain("Add user", cut.Markup);
        Assert.DoesNotContain("Remove", cut.Markup);
    }

    [Fact]
    public async Task Team_AsTeamOwner_RenamesButIsNotOfferedDelete()
    {
        var dave = await _seed.UserAsync("dave");
        var contoso = await _seed.OrganizationAsync("Contoso", (dave, OrganizationRole.Member));
        var support = await _seed.TeamAsync(contoso, "Support", (dave, TeamRole.Owner));
        SignIn(dave);
        var cut = Render<TeamDetailPage>(p => p.Add(x => x.Id, support.Id));
        cut.WaitForAssertion(() => Assert.Contains("Rename team", cut.Markup), Wait);
        Assert.DoesNotContain("Delete team", cut.Markup);

        Click(cut, b => b.TextContent.Trim() == "Rename team");
        cut.ChangeWhenReady(() => cut.FindAll(".mud-input-control").Single(c => c.QuerySelector("label")?.TextContent.Trim() == "New name of the team")
            .QuerySelector("input")!, "Helpdesk", Wait);
        Click(cut, b => b.TextContent.Trim() == "Save name");

        cut.WaitForAssertion(() => Assert.Equal("Helpdesk", cut.Find("h4").TextContent.Trim()), Wait);
        await using var db = _database.CreateDbContext();
        Assert.Equal("Helpdesk", await db.Teams.Select(t => t.Name).SingleAsync());
    }

    [Fact]
    public async Task Team_AsTeamViewer_OffersNeitherRenameNorDelete()
    {
        var bob = await _seed.UserAsync("bob");
        var contoso = await _seed.OrganizationAsync("Contoso", (bob, OrganizationRole.Member));
        var support = await _seed.TeamAsync(contoso, "Support", (bob, TeamRole.Viewer));
        SignIn(bob);

        var cut = Render<TeamDetailPage>(p => p.Add(x => x.Id, support.Id));

        cut.WaitForAssertion(() => Assert.Equal(["bob"], Rows(cut, 0)), Wait);
        Assert.DoesNotContain("Rename team", cut.Markup);
        Assert.DoesNotContain("Delete team", cut.Markup);
    }

    [Fact]
    public async Task Team_RemovingTheLastOwnerWithPendingRequests_WarnsAndRemovesOnlyWhenConfirmed()
    {
        var admin = await _seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var dave = await _seed.UserAsync("dave");
        var contoso = await _seed.OrganizationAsync("Contoso", (dave, OrganizationRole.Member));
        var support = await _seed.TeamAsync(contoso, "Support", (dave, TeamRole.Owner));
        var assistant = await _seed.AssistantAsync(admin, "Bot");
        await using (var seed = _database.CreateDbContext())
        {
            seed.ShareRequests.Add(new ShareRequest
            {
                AssistantId = assistant.Id, TargetKind = ShareTargetKind.Team, TeamId = support.Id, RequestedLevel = AccessLevel.UseOnly,
                RequestedByUserId = admin.Id, RequestedAt = DateTime.UtcNow, Status = ShareRequestStatus.Pending,
            });
            await seed.SaveChangesAsync();
        }
        SignIn(admin);
        var cut = Render<TeamDetailPage>(p => p.Add(x => x.Id, support.Id));
        cut.WaitForAssertion(() => Assert.Equal(["dave"], Rows(cut, 0)), Wait);

        Click(cut, b => b.GetAttribute("aria-label") == "Remove dave");

        cut.WaitForAssertion(() => Assert.Contains("dave is the last Team Owner of Support",
            cut.Find("[data-testid=member-confirmation]").TextContent), Wait);
        Assert.Equal(["dave"], Rows(cut, 0));
        Click(cut, b => b.TextContent.Trim() == "Go ahead");
        cut.WaitForAssertion(() => Assert.Contains("No members yet.", cut.Markup), Wait);
    }
}
