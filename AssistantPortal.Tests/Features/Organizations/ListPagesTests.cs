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

/// <summary>The /organizations, /teams and /projects pages (and a detail page) on a real database.</summary>
public sealed class ListPagesTests : BunitTestBase
{
    // Generous: the database work behind a click runs on a machine shared with other builds.
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private readonly TestDatabase _database = new();
    private readonly Seed _seed;

    public ListPagesTests()
    {
        _seed = new Seed(_database);
        // Created by a factory so the container deletes the database file when the test context is disposed.
        Services.AddSingleton<IDbContextFactory<ApplicationDbContext>>(_ => _database);
        Services.AddSingleton<IAuditLog, AuditLog>();
        Services.AddSingleton<IAccessChangeEvents, AccessChangeEvents>();
        Services.AddOrganizations();
        Services.AddGroupDeletionServices();
    }

    private static IReadOnlyList<string> FirstColumn<T>(IRenderedComponent<T> cut) where T : Microsoft.AspNetCore.Components.IComponent =>
        cut.FindAll("tbody tr td:first-child").Select(td => td.TextContent.Trim()).ToList();

    private static void Click<T>(IRenderedComponent<T> cut, string text) where T : Microsoft.AspNetCore.Components.IComponent =>
        cut.ClickWhenReady(() => cut.FindAll("button").Single(b => b.TextContent.Trim() == text), Wait);

    private static void Type<T>(IRenderedComponent<T> cut, Func<AngleSharp.Dom.IElement> input, string value) where T : Microsoft.AspNetCore.Components.IComponent =>
        cut.InputWhenReady(input, value, Wait);

    [Fact]
    public async Task Organizations_AsMember_ListsOnlyTheirOrganizationsAndOffersNoCreateForm()
    {
        var alice = await _seed.UserAsync("alice");
        await _seed.OrganizationAsync("Contoso", (alice, OrganizationRole.Admin));
        await _seed.OrganizationAsync("Fabrikam");
        SignIn(alice);

        var cut = Render<OrganizationsPage>();

        cut.WaitForAssertion(() => Assert.Equal(["Contoso"], FirstColumn(cut)), Wait);
        Assert.Contains("Org Admin", cut.Find("tbody").TextContent);
        Assert.DoesNotContain("Create organization", cut.Markup);
    }

    [Fact]
    public async Task Organizations_AsGlobalAdmin_ListsAllAndCreatesOne()
    {
        var admin = await _seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        await _seed.OrganizationAsync("Fabrikam");
        SignIn(admin);
        var cut = Render<OrganizationsPage>();
        cut.WaitForAssertion(() => Assert.Equal(["Fabrikam"], FirstColumn(cut)), Wait);

        Type(cut, () => cut.Find("input"), "Contoso");
        Click(cut, "Create organization");

        cut.WaitForAssertion(() => Assert.Equal(["Contoso", "Fabrikam"], FirstColumn(cut)), Wait);
    }

    [Fact]
    public async Task Organizations_CreateWithTakenName_ShowsTheMessageNextToTheField()
    {
        var admin = await _seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        await _seed.OrganizationAsync("Contoso");
        SignIn(admin);
        var cut = Render<OrganizationsPage>();
        cut.WaitForAssertion(() => Assert.Single(FirstColumn(cut)), Wait);

        Type(cut, () => cut.Find("input"), "contoso");
        Click(cut, "Create organization");

        cut.WaitForAssertion(() => Assert.Contains("An organization named \"contoso\" already exists.",
            cut.Find(".mud-input-control.mud-input-error").TextContent), Wait);
        Assert.Single(FirstColumn(cut));
    }

    [Fact]
    public async Task Teams_AsTeamViewer_ListsTheirTeamsOnlyAndOffersNoCreateForm()
    {
        var bob = await _seed.UserAsync("bob");
        var contoso = await _seed.OrganizationAsync("Contoso", (bob, OrganizationRole.Member));
        await _seed.TeamAsync(contoso, "Support", (bob, TeamRole.Viewer));
        await _seed.TeamAsync(contoso, "Sales");
        SignIn(bob);

        var cut = Render<TeamsPage>();

        cut.WaitForAssertion(() => Assert.Equal(["Support"], FirstColumn(cut)), Wait);
        Assert.Contains("Team Viewer", cut.Find("tbody").TextContent);
        Assert.DoesNotContain("Create team", cut.Markup);
    }

    [Fact]
    public async Task Teams_AsApplicationAdmin_CreatesATeamAndOwnsIt()
    {
        var appAdmin = await _seed.UserAsync("appadmin", GlobalRole.ApplicationAdmin);
        await _seed.OrganizationAsync("Contoso");
        SignIn(appAdmin);
        var cut = Render<TeamsPage>();
        cut.WaitForAssertion(() => Assert.Contains("Create team", cut.Markup), Wait);

        Type(cut, () => cut.FindAll("input").Single(i => i.GetAttribute("type") == "text" && i.GetAttribute("readonly") is null), "Sales");
        Click(cut, "Create team");

        cut.WaitForAssertion(() => Assert.Equal(["Sales"], FirstColumn(cut)), Wait);
        Assert.Contains("Team Owner", cut.Find("tbody").TextContent);
    }

    [Fact]
    public async Task Teams_CreateWithEmptyName_ShowsTheMessageNextToTheField()
    {
        var appAdmin = await _seed.UserAsync("appadmin", GlobalRole.ApplicationAdmin);
        await _seed.OrganizationAsync("Contoso");
        SignIn(appAdmin);
        var cut = Render<TeamsPage>();
        cut.WaitForAssertion(() => Assert.Contains("Create team", cut.Markup), Wait);

        Click(cut, "Create team");

        cut.WaitForAssertion(() => Assert.Contains("Enter a name for the team.", cut.Find(".mud-input-control.mud-input-error").TextContent), Wait);
    }

    [Fact]
    public async Task Projects_AsTeamMember_ListsProjectsTheirTeamWasAddedTo()
    {
        var bob = await _seed.UserAsync("bob");
        var contoso = await _seed.OrganizationAsync("Contoso", (bob, OrganizationRole.Member));
        var support = await _seed.TeamAsync(contoso, "Support", (bob, TeamRole.Viewer));
        var wiki = await _seed.ProjectAsync(contoso, "Wiki");
        await _seed.AddToProjectAsync(wiki, support, ProjectRole.Member);
        await _seed.ProjectAsync(contoso, "Secret");
        SignIn(bob);

        var cut = Render<ProjectsPage>();

        cut.WaitForAssertion(() => Assert.Equal(["Wiki"], FirstColumn(cut)), Wait);
    }

    [Fact]
    public async Task Projects_AsTeamViewer_ListsTheTeamsOwnProjects()
    {
        var bob = await _seed.UserAsync("bob");
        var contoso = await _seed.OrganizationAsync("Contoso", (bob, OrganizationRole.Member));
        var support = await _seed.TeamAsync(contoso, "Support", (bob, TeamRole.Viewer));
        await _seed.ProjectAsync(contoso, "Helpdesk", support);
        await _seed.ProjectAsync(contoso, "Wiki");
        SignIn(bob);

        var cut = Render<ProjectsPage>();

        cut.WaitForAssertion(() => Assert.Equal(["Helpdesk"], FirstColumn(cut)), Wait);
    }

    [Fact]
    public async Task Projects_AsGlobalAdmin_ListsAll()
    {
        var admin = await _seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var contoso = await _seed.OrganizationAsync("Contoso");
        await _seed.ProjectAsync(contoso, "Wiki");
        await _seed.ProjectAsync(contoso, "Helpdesk");
        SignIn(admin);

        var cut = Render<ProjectsPage>();

        cut.WaitForAssertion(() => Assert.Equal(["Helpdesk", "Wiki"], FirstColumn(cut)), Wait);
    }

    [Fact]
    public async Task Projects_AsOrganizationMember_CreatesAProjectAndSeesIt()
    {
        var dave = await _seed.UserAsync("dave");
        await _seed.OrganizationAsync("Contoso", (dave, OrganizationRole.Member));
        SignIn(dave);
        var cut = Render<ProjectsPage>();
        cut.WaitForAssertion(() => Assert.Contains("Create project", cut.Markup), Wait);

        Type(cut, () => cut.FindAll("input").Single(i => i.GetAttribute("type") == "text" && i.GetAttribute("readonly") is null), "Wiki");
        Click(cut, "Create project");

        cut.WaitForAssertion(() => Assert.Equal(["Wiki"], FirstColumn(cut)), Wait);
    }

    [Fact]
    public async Task Projects_WithoutAnOrganization_ExplainsWhyNothingCanBeCreated()
    {
        var eve = await _seed.UserAsync("eve");
        SignIn(eve);

        var cut = Render<ProjectsPage>();

        cut.WaitForAssertion(() => Assert.Contains("once you are a member of one", cut.Markup), Wait);
        Assert.DoesNotContain("Create project", cut.Markup);
        Assert.Contains("You are not in any project yet.", cut.Markup);
    }

    [Fact]
    public async Task TeamDetail_ForAnOutsider_IsNotFound()
    {
        var eve = await _seed.UserAsync("eve");
        var alice = await _seed.UserAsync("alice");
        var contoso = await _seed.OrganizationAsync("Contoso");
        var support = await _seed.TeamAsync(contoso, "Support", (alice, TeamRole.Owner));
        SignIn(eve);

        var cut = Render<TeamDetailPage>(p => p.Add(x => x.Id, support.Id));

        cut.WaitForAssertion(() => Assert.Contains("Team not found.", cut.Markup), Wait);
        Assert.DoesNotContain("alice", cut.Markup);
    }

    [Fact]
    public async Task TeamDetail_AsOwner_AddingSomeoneTwice_ShowsTheMessageNextToTheField()
    {
        var alice = await _seed.UserAsync("alice");
        var bob = await _seed.UserAsync("bob");
        var contoso = await _seed.OrganizationAsync("Contoso", (alice, OrganizationRole.Member), (bob, OrganizationRole.Member));
        var support = await _seed.TeamAsync(contoso, "Support", (alice, TeamRole.Owner), (bob, TeamRole.Viewer));
        SignIn(alice);
        var cut = Render<TeamDetailPage>(p => p.Add(x => x.Id, support.Id));
        cut.WaitForAssertion(() => Assert.Contains("Add member", cut.Markup), Wait);

        Type(cut, () => cut.FindAll("input").First(), "bob");
        Click(cut, "Add member");

        cut.WaitForAssertion(() => Assert.Contains("bob is already in Support.", cut.Find(".mud-input-control.mud-input-error").TextContent), Wait);
    }
}
