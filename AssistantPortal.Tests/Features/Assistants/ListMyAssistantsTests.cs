using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Assistants;
using AssistantPortal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static AssistantPortal.Tests.Features.Assistants.AssistantTestServices;

namespace AssistantPortal.Tests.Features.Assistants;

/// <summary>
/// "My assistants" on a real database: one viewer, Ana, reaching assistants by every route of
/// <see cref="AccessRoute"/>, and one assistant she cannot see.
/// </summary>
public sealed class ListMyAssistantsTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private readonly Seed _seed;
    private readonly ServiceProvider _services;
    private ApplicationUser _ana = null!;
    private ApplicationUser _bob = null!;

    public ListMyAssistantsTests()
    {
        _seed = new Seed(_database);
        _services = Build(_database);
    }

    public async Task InitializeAsync()
    {
        _ana = await _seed.UserAsync("ana");
        _bob = await _seed.UserAsync("bob");
        var acme = await _seed.OrganizationAsync("Acme", (_ana, OrganizationRole.Member), (_bob, OrganizationRole.Member));
        var support = await _seed.TeamAsync(acme, "Support", (_ana, TeamRole.Viewer));
        var owned = await _seed.TeamAsync(acme, "Platform", (_ana, TeamRole.Owner));
        var helpdesk = await _seed.ProjectAsync(acme, "Helpdesk");
        await _seed.AddToProjectAsync(helpdesk, _ana, ProjectRole.Member);
        var platformProject = await _seed.ProjectAsync(acme, "Platform tools", owned);

        await _seed.AssistantAsync(_ana, "Alpha");
        var bravo = await _seed.AssistantAsync(_bob, "Bravo");
        await _seed.GrantAsync(bravo, _ana, AccessLevel.ReadOnly);
        var charlie = await _seed.AssistantAsync(_bob, "Charlie");
        await _seed.GrantAsync(charlie, acme, AccessLevel.UseOnly);
        var delta = await _seed.AssistantAsync(_bob, "Delta");
        await _seed.GrantAsync(delta, support, AccessLevel.ReadWrite);
        await _seed.AssistantAsync(_bob, "Echo", helpdesk);
        await _seed.AssistantAsync(_bob, "Foxtrot");
        await _seed.AssistantAsync(_bob, "Golf", platformProject);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private Task<AssistantListPage> ListAsync(ApplicationUser viewer, AssistantListCriteria criteria) =>
        _services.GetRequiredService<ListMyAssistants>().ExecuteAsync(Principal(viewer), criteria);

    private static string[] Names(AssistantListPage page) => page.Items.Select(i => i.Name).ToArray();

    [Fact]
    public async Task List_All_ShowsEveryVisibleAssistantWithOwnerProjectAndTheViewersLevel()
    {
        var page = await ListAsync(_ana, new AssistantListCriteria());

        Assert.Equal(6, page.TotalCount);
        Assert.Equal(["Alpha", "Bravo", "Charlie", "Delta", "Echo", "Golf"], Names(page));
        var byName = page.Items.ToDictionary(i => i.Name);
        Assert.Equal(AccessLevel.Owner, byName["Alpha"].Level);
        Assert.Equal(AccessLevel.ReadOnly, byName["Bravo"].Level);
        Assert.Equal(AccessLevel.UseOnly, byName["Charlie"].Level);
        Assert.Equal(AccessLevel.ReadWrite, byName["Delta"].Level);
        Assert.Equal(AccessLevel.ReadOnly, byName["Echo"].Level);
        Assert.Equal(AccessLevel.Owner, byName["Golf"].Level);
        Assert.Equal("bob", byName["Echo"].OwnerName);
        Assert.Equal("Helpdesk", byName["Echo"].ProjectName);
        Assert.Null(byName["Bravo"].ProjectName);
    }

    [Theory]
    [InlineData(AccessRoute.Owned, new[] { "Alpha" })]
    [InlineData(AccessRoute.SharedWithMe, new[] { "Bravo", "Charlie" })]
    [InlineData(AccessRoute.ThroughTeam, new[] { "Delta", "Golf" })]
    [InlineData(AccessRoute.ThroughProject, new[] { "Echo" })]
    public async Task List_FilteredByRoute_ShowsOnlyTheAssistantsReachedThatWay(AccessRoute route, string[] expected)
    {
        var page = await ListAsync(_ana, new AssistantListCriteria(Route: route));

        Assert.Equal(expected, Names(page));
        Assert.Equal(expected.Length, page.TotalCount);
    }

    [Fact]
    public async Task List_SearchedByName_MatchesCaseInsensitively()
    {
        var page = await ListAsync(_ana, new AssistantListCriteria(Search: "  DELT "));

        Assert.Equal(["Delta"], Names(page));
        Assert.Equal(1, page.TotalCount);
    }

    [Fact]
    public async Task List_SearchedByDescription_FindsTheAssistant()
    {
        await using (var db = _database.CreateDbContext())
        {
            var echo = db.Assistants.Single(a => a.Name == "Echo");
            echo.Description = "Answers invoicing questions";
            await db.SaveChangesAsync();
        }

        var page = await ListAsync(_ana, new AssistantListCriteria(Search: "invoic"));

        Assert.Equal(["Echo"], Names(page));
    }

    [Fact]
    public async Task List_SearchForAnInvisibleAssistant_FindsNothing()
    {
        var page = await ListAsync(_ana, new AssistantListCriteria(Search: "Foxtrot"));

        Assert.Empty(page.Items);
        Assert.Equal(0, page.TotalCount);
    }

    [Fact]
    public async Task List_SearchAndFilterTogether_Combine()
    {
        var page = await ListAsync(_ana, new AssistantListCriteria(Search: "o", Route: AccessRoute.ThroughTeam));

        Assert.Equal(["Golf"], Names(page));
    }

    [Fact]
    public async Task List_SecondPage_HoldsTheNextRowsAndTheTotalOfAllPages()
    {
        var page = await ListAsync(_ana, new AssistantListCriteria(Skip: 2, Take: 2));

        Assert.Equal(["Charlie", "Delta"], Names(page));
        Assert.Equal(6, page.TotalCount);
    }

    [Fact]
    public async Task List_SortedByNameDescending_ReversesTheOrder()
    {
        var page = await ListAsync(_ana, new AssistantListCriteria(Descending: true));

        Assert.Equal(["Golf", "Echo", "Delta", "Charlie", "Bravo", "Alpha"], Names(page));
    }

    [Fact]
    public async Task List_SortedByOwner_PutsAnasFirst()
    {
        var page = await ListAsync(_ana, new AssistantListCriteria(Sort: AssistantSort.Owner));

        Assert.Equal("Alpha", page.Items[0].Name);
        Assert.All(page.Items.Skip(1), i => Assert.Equal("bob", i.OwnerName));
    }

    [Fact]
    public async Task List_SortedByProject_OrdersByProjectName()
    {
        var page = await ListAsync(_ana, new AssistantListCriteria(Sort: AssistantSort.Project, Descending: true));

        Assert.Equal(["Golf", "Echo"], Names(page).Take(2));
    }

    [Fact]
    public async Task List_ForAGlobalAdmin_ShowsEveryAssistantAtOwnerLevel()
    {
        var admin = await _seed.UserAsync("root", GlobalRole.GlobalAdmin);

        var page = await ListAsync(admin, new AssistantListCriteria());

        Assert.Equal(7, page.TotalCount);
        Assert.Contains("Foxtrot", Names(page));
        Assert.All(page.Items, i => Assert.Equal(AccessLevel.Owner, i.Level));
    }

    [Fact]
    public async Task List_ForSomeoneWithNoAccess_IsEmpty()
    {
        var carol = await _seed.UserAsync("carol");

        var page = await ListAsync(carol, new AssistantListCriteria());

        Assert.Empty(page.Items);
        Assert.Equal(0, page.TotalCount);
    }

    [Fact]
    public async Task List_WithAnOversizedPage_IsCappedAtTheMaximum()
    {
        await using (var db = _database.CreateDbContext())
        {
            var now = DateTime.UtcNow;
            db.Assistants.AddRange(Enumerable.Range(0, ListMyAssistants.MaxPageSize + 1)
                .Select(i => new Assistant { Name = $"Bulk {i:000}", OwnerId = _ana.Id, CreatedAt = now, UpdatedAt = now }));
            await db.SaveChangesAsync();
        }

        var page = await ListAsync(_ana, new AssistantListCriteria(Take: 100_000));

        Assert.Equal(ListMyAssistants.MaxPageSize, page.Items.Count);
        Assert.Equal(6 + ListMyAssistants.MaxPageSize + 1, page.TotalCount);
    }
}
