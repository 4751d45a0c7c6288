using AssistantPortal.Data;
using AssistantPortal.Features.Admin;
using AssistantPortal.Tests.Infrastructure;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantPortal.Tests.Features.Admin;

/// <summary>
/// Who sees what (SPEC §3 "admin panel", §9): the navigation shows Global Admins every section, Application Admins
/// Analytics, Users and Aliases, and Users no admin panel; and it follows a role change in an open tab.
/// </summary>
public sealed class AdminNavLinksTests : BunitTestBase
{
    private readonly TestDatabase _database = new();
    private readonly Seed _seed;

    public AdminNavLinksTests()
    {
        _seed = new Seed(_database);
        Services.AddSingleton<IDbContextFactory<ApplicationDbContext>>(_ => _database);
        Services.AddScoped<CurrentGlobalRole>();
    }

    private static IReadOnlyList<string> Links(IRenderedComponent<AdminNavLinks> cut) =>
        cut.FindAll("[data-testid=admin-nav] a").Select(a => a.TextContent.Trim()).ToList();

    [Fact]
    public async Task AdminNav_AsGlobalAdmin_ShowsEverySection()
    {
        SignIn(await _seed.UserAsync("gina", GlobalRole.GlobalAdmin));

        var cut = Render<AdminNavLinks>();

        cut.WaitForAssertion(() => Assert.Equal(
            ["Overview", "Analytics", "Users", "Teams and organizations", "Chat logs", "Aliases", "Audit log", "Outgoing mail"], Links(cut)));
    }

    [Fact]
    public async Task AdminNav_AsApplicationAdmin_ShowsAnalyticsUsersAndAliasesOnly()
    {
        SignIn(await _seed.UserAsync("adam", GlobalRole.ApplicationAdmin));

        var cut = Render<AdminNavLinks>();

        cut.WaitForAssertion(() => Assert.Equal(["Overview", "Analytics", "Users", "Aliases"], Links(cut)));
    }

    [Fact]
    public async Task AdminNav_AsUser_ShowsNoAdminPanel()
    {
        SignIn(await _seed.UserAsync("uma"));

        var cut = Render<AdminNavLinks>();

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=admin-nav]")));
        Assert.DoesNotContain("Admin", cut.Markup);
    }

    [Fact]
    public async Task AdminNav_AfterTheRoleChangesAndTheAuthenticationStateIsAnnounced_FollowsTheNewRole()
    {
        var uma = await _seed.UserAsync("uma");
        var auth = SignIn(uma);
        var cut = Render<AdminNavLinks>();
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=admin-nav]")));
        await using (var db = _database.CreateDbContext())
        {
            await db.Users.Where(u => u.Id == uma.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.GlobalRole, GlobalRole.ApplicationAdmin));
        }

        // What the revalidating provider does when the role changes: the same user, announced again.
        auth.SetAuthorized(uma.UserName!);

        cut.WaitForAssertion(() => Assert.Equal(["Overview", "Analytics", "Users", "Aliases"], Links(cut)));
    }
}
