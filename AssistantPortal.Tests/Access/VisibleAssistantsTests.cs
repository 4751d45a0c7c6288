using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Tests.Access;

/// <summary>
/// The visible-assistants query of SPEC §2.3 (2): one database query that callers filter by route,
/// narrow, count and page. The world: Vera sees one assistant by each route, and several she must not see.
/// </summary>
public sealed class VisibleAssistantsTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private readonly Seed _seed;
    private readonly AccessResolver _resolver;

    private ApplicationUser _vera = null!;
    private ApplicationUser _other = null!;
    private ApplicationUser _admin = null!;

    public VisibleAssistantsTests()
    {
        _seed = new Seed(_database);
        _resolver = new AccessResolver(_database);
    }

    public async Task InitializeAsync()
    {
        _vera = await _seed.UserAsync("vera");
        _other = await _seed.UserAsync("other");
        _admin = await _seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var acme = await _seed.OrganizationAsync("Acme", (_vera, OrganizationRole.Member), (_other, OrganizationRole.Member));
        var globex = await _seed.OrganizationAsync("Globex", (_other, OrganizationRole.Member));
        var support = await _seed.TeamAsync(acme, "Support", (_vera, TeamRole.Viewer));
        var owned = await _seed.TeamAsync(acme, "Owned", (_vera, TeamRole.Owner));
        var sales = await _seed.TeamAsync(acme, "Sales", (_other, TeamRole.Owner));

        var supportProject = await _seed.ProjectAsync(acme, "Support desk", support);
        var ownedProject = await _seed.ProjectAsync(acme, "Owned desk", owned);
        var research = await _seed.ProjectAsync(acme, "Research");
        await _seed.AddToProjectAsync(research, _vera, ProjectRole.Member);
        var lab = await _seed.ProjectAsync(acme, "Lab");
        await _seed.AddToProjectAsync(lab, support, ProjectRole.Admin);
        var hidden = await _seed.ProjectAsync(acme, "Hidden");

        // Visible to Vera, one route each (names sort in this order).
        await _seed.AssistantAsync(_vera, "A owned");
        await _seed.GrantAsync(await _seed.AssistantAsync(_other, "B shared with vera"), _vera, AccessLevel.UseOnly);
        await _seed.GrantAsync(await _seed.AssistantAsync(_other, "C shared with acme"), acme, AccessLevel.ReadOnly);
        await _seed.GrantAsync(await _seed.AssistantAsync(_other, "D shared with support"), support, AccessLevel.ReadWrite);
        await _seed.AssistantAsync(_other, "E within owned team", ownedProject);
        await _seed.AssistantAsync(_other, "F open to support", supportProject, PublicAccess.Team);
        await _seed.AssistantAsync(_other, "G in research", research);
        await _seed.AssistantAsync(_other, "H in lab", lab);

        // Not visible to Vera.
        await _seed.AssistantAsync(_other, "X others own");
        await _seed.AssistantAsync(_other, "X closed in support", supportProject, PublicAccess.NotAccessible);
        await _seed.AssistantAsync(_other, "X public link only", publicAccess: PublicAccess.Everyone);
        await _seed.AssistantAsync(_other, "X hidden project", hidden);
        await _seed.GrantAsync(await _seed.AssistantAsync(_other, "X shared with globex"), globex, AccessLevel.ReadWrite);
        await _seed.GrantAsync(await _seed.AssistantAsync(_other, "X shared with sales"), sales, AccessLevel.ReadWrite);
        await _seed.GrantAsync(await _seed.AssistantAsync(_other, "X shared with other"), _other, AccessLevel.ReadWrite);
        var pending = await _seed.AssistantAsync(_other, "X pending for support");
        await using var db = _database.CreateDbContext();
        db.ShareRequests.Add(new ShareRequest
        {
            AssistantId = pending.Id, TargetKind = ShareTargetKind.Team, TeamId = support.Id, RequestedLevel = AccessLevel.ReadOnly,
            RequestedByUserId = _other.Id, RequestedAt = DateTime.UtcNow, Status = ShareRequestStatus.Pending,
        });
        await db.SaveChangesAsync();
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    [Theory]
    [InlineData(AccessRoute.All, new[] { "A owned", "B shared with vera", "C shared with acme", "D shared with support", "E within owned team", "F open to support", "G in research", "H in lab" })]
    [InlineData(AccessRoute.Owned, new[] { "A owned" })]
    [InlineData(AccessRoute.SharedWithMe, new[] { "B shared with vera", "C shared with acme" })]
    [InlineData(AccessRoute.ThroughTeam, new[] { "D shared with support", "E within owned team", "F open to support" })]
    [InlineData(AccessRoute.ThroughProject, new[] { "G in research", "H in lab" })]
    public async Task VisibleAssistants_ByRoute_ListsExactlyTheAssistantsReachedThatWay(AccessRoute route, string[] expected)
    {
        await using var db = _database.CreateDbContext();

        var names = await _resolver.VisibleAssistants(db, _vera.Id, GlobalRole.User, route).OrderBy(a => a.Name).Select(a => a.Name).ToListAsync();

        Assert.Equal(expected, names);
    }

    [Fact]
    public async Task VisibleAssistants_ReachedByManyRoutes_IsListedAndCountedOnce()
    {
        int id;
        await using (var db = _database.CreateDbContext())
        {
            id = await db.Assistants.Where(a => a.Name == "G in research").Select(a => a.Id).SingleAsync();
        }
        var assistant = new Assistant { Id = id };
        await _seed.GrantAsync(assistant, _vera, AccessLevel.ReadWrite);
        await using (var db = _database.CreateDbContext())
        {
            db.AssistantOrganizationGrants.Add(new AssistantOrganizationGrant
            {
                AssistantId = id, OrganizationId = await db.Organizations.Where(o => o.Name == "Acme").Select(o => o.Id).SingleAsync(),
                Level = AccessLevel.UseOnly, GrantedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        await using var query = _database.CreateDbContext();
        var visible = _resolver.VisibleAssistants(query, _vera.Id, GlobalRole.User);

        Assert.Equal(8, await visible.CountAsync());
        Assert.Equal(1, await visible.CountAsync(a => a.Id == id));
    }

    [Fact]
    public async Task VisibleAssistants_Count_IsTheNumberOfVisibleAssistants()
    {
        await using var db = _database.CreateDbContext();

        Assert.Equal(8, await _resolver.VisibleAssistants(db, _vera.Id, GlobalRole.User).CountAsync());
        Assert.Equal(2, await _resolver.VisibleAssistants(db, _vera.Id, GlobalRole.User, AccessRoute.SharedWithMe).CountAsync());
    }

    [Fact]
    public async Task VisibleAssistants_PagedInNameOrder_GivesEachAssistantOnceInOrder()
    {
        await using var db = _database.CreateDbContext();
        var visible = _resolver.VisibleAssistants(db, _vera.Id, GlobalRole.User).OrderBy(a => a.Name).ThenBy(a => a.Id);

        var pages = new List<List<string>>();
        for (var skip = 0; skip < 9; skip += 3)
        {
            pages.Add(await visible.Skip(skip).Take(3).Select(a => a.Name).ToListAsync());
        }

        Assert.Equal(["A owned", "B shared with vera", "C shared with acme"], pages[0]);
        Assert.Equal(["D shared with support", "E within owned team", "F open to support"], pages[1]);
        Assert.Equal(["G in research", "H in lab"], pages[2]);
    }

    [Fact]
    public async Task VisibleAssistants_FilteredByName_FiltersInTheDatabase()
    {
        await using var db = _database.CreateDbContext();

        var names = await _resolver.VisibleAssistants(db, _vera.Id, GlobalRole.User)
            .Where(a => a.Name.Contains("shared")).OrderByDescending(a => a.Name).Select(a => a.Name).ToListAsync();

        Assert.Equal(["D shared with support", "C shared with acme", "B shared with vera"], names);
    }

    [Fact]
    public async Task VisibleAssistants_IsOneSqlQuery()
    {
        await using var db = _database.CreateDbContext();

        var sql = _resolver.VisibleAssistants(db, _vera.Id, GlobalRole.User).OrderBy(a => a.Name).Skip(3).Take(3).ToQueryString();

        // ToQueryString only succeeds for a query translated whole; the paging is in the SQL too.
        Assert.Contains("LIMIT", sql);
        Assert.Contains("ORDER BY", sql);
    }

    [Fact]
    public async Task VisibleAssistants_GlobalAdmin_SeesEveryAssistant()
    {
        await using var db = _database.CreateDbContext();

        var count = await _resolver.VisibleAssistants(db, _admin.Id, GlobalRole.GlobalAdmin).CountAsync();

        Assert.Equal(await db.Assistants.CountAsync(), count);
    }

    [Fact]
    public async Task VisibleAssistants_GlobalAdminOwnedRoute_ListsOnlyTheirOwn()
    {
        await _seed.AssistantAsync(_admin, "Admin's own");
        await using var db = _database.CreateDbContext();

        var names = await _resolver.VisibleAssistants(db, _admin.Id, GlobalRole.GlobalAdmin, AccessRoute.Owned).Select(a => a.Name).ToListAsync();

        Assert.Equal(["Admin's own"], names);
    }

    [Fact]
    public async Task VisibleAssistants_AfterMembershipRemoved_DropsItsAssistants()
    {
        await using (var db = _database.CreateDbContext())
        {
            await db.ProjectUserMembers.Where(m => m.UserId == _vera.Id).ExecuteDeleteAsync();
        }
        await using var query = _database.CreateDbContext();

        var names = await _resolver.VisibleAssistants(query, _vera.Id, GlobalRole.User, AccessRoute.ThroughProject).Select(a => a.Name).ToListAsync();

        Assert.Equal(["H in lab"], names);
    }
}
