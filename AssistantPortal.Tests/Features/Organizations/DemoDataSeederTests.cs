using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Organizations;
using AssistantPortal.Infrastructure;
using AssistantPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace AssistantPortal.Tests.Features.Organizations;

public sealed class DemoDataSeederTests : IAsyncDisposable
{
    private readonly TestDatabase _database = new();
    private readonly PasswordHasher<ApplicationUser> _hasher = new();

    private DemoDataSeeder Seeder(bool on) =>
        new(Options.Create(new PortalOptions { SeedDemoData = on }), _hasher, TimeProvider.System);

    private async Task SeedAsync(bool on = true)
    {
        await using var db = _database.CreateDbContext();
        await Seeder(on).SeedAsync(db);
    }

    [Fact]
    public async Task Seed_OnAFreshDatabase_CreatesTheDemoAccountsWithTheirRolesAndPassword()
    {
        await SeedAsync();

        await using var db = _database.CreateDbContext();
        var users = await db.Users.OrderBy(u => u.Email).ToDictionaryAsync(u => u.Email!);
        Assert.Equal(
            ["admin@demo.test", "alice@demo.test", "appadmin@demo.test", "bob@demo.test", "carol@demo.test", "dave@demo.test"],
            users.Keys.ToArray());
        Assert.Equal(GlobalRole.GlobalAdmin, users["admin@demo.test"].GlobalRole);
        Assert.Equal(GlobalRole.ApplicationAdmin, users["appadmin@demo.test"].GlobalRole);
        Assert.All(["alice", "bob", "carol", "dave"], name => Assert.Equal(GlobalRole.User, users[$"{name}@demo.test"].GlobalRole));
        Assert.All(users.Values, u =>
        {
            Assert.Equal(PasswordVerificationResult.Success, _hasher.VerifyHashedPassword(u, u.PasswordHash!, "Demo!2345"));
            Assert.Equal(u.Email!.ToUpperInvariant(), u.NormalizedUserName);
            Assert.False(string.IsNullOrEmpty(u.SecurityStamp));
        });
    }

    [Fact]
    public async Task Seed_OnAFreshDatabase_CreatesContosoWithItsTeamsAndProjects()
    {
        await SeedAsync();

        await using var db = _database.CreateDbContext();
        var contoso = await db.Organizations.SingleAsync();
        Assert.Equal("Contoso", contoso.Name);
        var support = await db.Teams.Include(t => t.Members).ThenInclude(m => m.User).SingleAsync(t => t.Name == "Support");
        Assert.Equal(
            [("alice@demo.test", TeamRole.Owner), ("bob@demo.test", TeamRole.Viewer)],
            support.Members.OrderBy(m => m.User.Email).Select(m => (m.User.Email!, m.Role)).ToArray());
        Assert.True(await db.Teams.AnyAsync(t => t.Name == "Sales" && t.OrganizationId == contoso.Id));
        var helpdesk = await db.Projects.SingleAsync(p => p.Name == "Helpdesk");
        Assert.Equal(support.Id, helpdesk.TeamId);
        Assert.Null((await db.Projects.SingleAsync(p => p.Name == "Wiki")).TeamId);
    }

    [Fact]
    public async Task Seed_OnAFreshDatabase_CreatesAssistantsOfSeveralOwnersWithGrantsAndPublicAccess()
    {
        await SeedAsync();

        await using var db = _database.CreateDbContext();
        var assistants = await db.Assistants.ToListAsync();
        Assert.True(assistants.Select(a => a.OwnerId).Distinct().Count() >= 3);
        Assert.True(assistants.Select(a => a.PublicAccess).Distinct().Count() >= 3);
        Assert.True(await db.AssistantUserGrants.AnyAsync());
        Assert.True(await db.AssistantTeamGrants.AnyAsync());
        Assert.True(await db.AssistantOrganizationGrants.AnyAsync());
        Assert.True(await db.ShareRequests.AnyAsync(r => r.Status == ShareRequestStatus.Pending));

        // What DEMO.md promises: bob, a Team Viewer of Support, uses Support Bot through its Team access.
        var bob = await db.Users.SingleAsync(u => u.Email == "bob@demo.test");
        var supportBot = assistants.Single(a => a.Name == "Support Bot");
        Assert.Equal(AccessLevel.UseOnly, (await new AccessResolver(_database).ResolveAsync(new Viewer(bob.Id), supportBot.Id)).Level);
    }

    [Fact]
    public async Task Seed_GivesTheDemoAssistantsKnowledgeTheOfflineEngineAnswersFrom()
    {
        await SeedAsync();

        await using var db = _database.CreateDbContext();
        var supportBot = await db.Assistants.SingleAsync(a => a.Name == "Support Bot");
        var found = await new AssistantPortal.Features.Knowledge.KnowledgeSearch().SearchAsync(db, supportBot.Id, "How do I reset my password?", 3);
        var answer = AssistantPortal.Features.Chat.OfflineAnswer.Compose("How do I reset my password?", "", found);
        Assert.Contains("choose Forgot password", answer.Text);
        Assert.Contains("support-handbook.md", answer.Text);
    }

    [Fact]
    public async Task Seed_RunTwice_AddsNothingTheSecondTime()
    {
        await SeedAsync();
        var before = await CountsAsync();

        await SeedAsync();

        Assert.Equal(before, await CountsAsync());
    }

    [Fact]
    public async Task Seed_WhenSwitchedOff_AddsNothing()
    {
        await SeedAsync(on: false);

        Assert.Equal((0, 0, 0, 0), await CountsAsync());
    }

    [Fact]
    public async Task Seed_OnADatabaseWithAnAccount_AddsNothing()
    {
        await new Seed(_database).UserAsync("someone");

        await SeedAsync();

        Assert.Equal((1, 0, 0, 0), await CountsAsync());
    }

    [Fact]
    public async Task App_WithSeedDemoDataOn_SeedsAtStartUp()
    {
        using var factory = new AppFactory();
        using var seeded = factory.WithWebHostBuilder(b => b.UseSetting("Portal:SeedDemoData", "true"));
        using var client = seeded.CreateClient();

        await client.GetAsync("/health");

        await using var db = seeded.Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContext();
        Assert.True(await db.Users.AnyAsync(u => u.Email == "admin@demo.test" && u.GlobalRole == GlobalRole.GlobalAdmin));
    }

    private async Task<(int Users, int Teams, int Projects, int Assistants)> CountsAsync()
    {
        await using var db = _database.CreateDbContext();
        return (await db.Users.CountAsync(), await db.Teams.CountAsync(), await db.Projects.CountAsync(), await db.Assistants.CountAsync());
    }

    public ValueTask DisposeAsync() => _database.DisposeAsync();
}
