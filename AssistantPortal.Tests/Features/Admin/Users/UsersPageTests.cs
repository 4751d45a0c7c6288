using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Admin.Users;
using AssistantPortal.Features.Audit;
using AssistantPortal.Tests.Infrastructure;
using Bunit;
using Bunit.Rendering;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Extensions;

namespace AssistantPortal.Tests.Features.Admin.Users;

/// <summary>
/// The /admin/users page per viewer role, on a real database: which role choices and lock controls each row offers
/// (the rules of SPEC §3), and that a change or a refusal shows in the row.
/// </summary>
public sealed class UsersPageTests : BunitTestBase
{
    private static readonly TimeSpan Wait = TimeSpan.FromSeconds(15);

    private readonly TestDatabase _database = new();
    private readonly Seed _seed;
    private ApplicationUser _gina = null!;
    private ApplicationUser _gus = null!;
    private ApplicationUser _adam = null!;
    private ApplicationUser _uma = null!;

    public UsersPageTests()
    {
        _seed = new Seed(_database);
        Services.AddSingleton<IDbContextFactory<ApplicationDbContext>>(_ => _database);
        Services.AddSingleton<IAuditLog, global::AssistantPortal.Features.Audit.AuditLog>();
        Services.AddSingleton<IAccessChangeEvents, AccessChangeEvents>();
        Services.AddUserAdministration();
    }

    private async Task SeedPeopleAsync()
    {
        _gina = await _seed.UserAsync("gina", GlobalRole.GlobalAdmin);
        _gus = await _seed.UserAsync("gus", GlobalRole.GlobalAdmin);
        _adam = await _seed.UserAsync("adam", GlobalRole.ApplicationAdmin);
        _uma = await _seed.UserAsync("uma");
    }

    private IRenderedComponent<ContainerFragment> RenderPage(ApplicationUser viewer)
    {
        SignIn(viewer);
        var host = Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<UsersPage>(1);
            builder.CloseComponent();
        });
        host.WaitForAssertion(() => Assert.Equal(4, host.FindAll("[data-testid=user-email]").Count), Wait);
        return host;
    }

    private static IRenderedComponent<MudSelect<GlobalRole>>? RoleSelect(IRenderedComponent<ContainerFragment> host, ApplicationUser user) =>
        host.FindComponents<MudSelect<GlobalRole>>()
            .SingleOrDefault(s => s.Instance.UserAttributes.TryGetValue("aria-label", out var label) && (string?)label == $"Global role of {user.Email}");

    /// <summary>The roles the row's select offers (the current one first), read from the open list as a person would.</summary>
    private static async Task<IReadOnlyList<string>> ChoicesAsync(IRenderedComponent<ContainerFragment> host, ApplicationUser user)
    {
        var select = RoleSelect(host, user);
        if (select is null)
        {
            return [];
        }
        await host.InvokeAsync(select.Instance.OpenMenu);
        // The popover provider renders the open list on its own render: an open select lists at least its current role.
        host.WaitForAssertion(() => Assert.NotEmpty(host.FindAll(".mud-popover-open .mud-list-item")), Wait);
        var items = host.FindAll(".mud-popover-open .mud-list-item").Select(i => i.TextContent.Trim()).ToList();
        await host.InvokeAsync(() => select.Instance.CloseMenu());
        return items;
    }

    private static string RowText(IRenderedComponent<ContainerFragment> host, ApplicationUser user) =>
        host.FindAll("tbody tr").Single(tr => tr.QuerySelector("[data-testid=user-email]")!.TextContent.Contains(user.Email!)).TextContent;

    private static bool HasButton(IRenderedComponent<ContainerFragment> host, string label) =>
        host.FindAll("button").Any(b => b.GetAttribute("aria-label") == label);

    [Fact]
    public async Task Users_AsGlobalAdmin_OffersEveryRoleToOthersButNothingOnAnotherGlobalAdmin()
    {
        await SeedPeopleAsync();

        var host = RenderPage(_gina);

        Assert.Equal(["Global Admin", "Application Admin", "User"], await ChoicesAsync(host, _gina));
        Assert.Empty(await ChoicesAsync(host, _gus));
        Assert.Contains("Global Admin", RowText(host, _gus));
        Assert.Equal(["Application Admin", "Global Admin", "User"], await ChoicesAsync(host, _adam));
        Assert.Equal(["User", "Global Admin", "Application Admin"], await ChoicesAsync(host, _uma));
        Assert.False(HasButton(host, $"Lock {_gus.Email}"));
        Assert.False(HasButton(host, $"Lock {_gina.Email}"));
        Assert.True(HasButton(host, $"Lock {_adam.Email}"));
        Assert.True(HasButton(host, $"Lock {_uma.Email}"));
    }

    [Fact]
    public async Task Users_AsApplicationAdmin_OffersOnlyApplicationAdminOrUserAndNoControlsOnGlobalAdmins()
    {
        await SeedPeopleAsync();

        var host = RenderPage(_adam);

        Assert.Empty(await ChoicesAsync(host, _gina));
        Assert.Empty(await ChoicesAsync(host, _gus));
        Assert.False(HasButton(host, $"Lock {_gina.Email}"));
        Assert.False(HasButton(host, $"Lock {_gus.Email}"));
        Assert.Equal(["User", "Application Admin"], await ChoicesAsync(host, _uma));
        Assert.Equal(["Application Admin", "User"], await ChoicesAsync(host, _adam));
        Assert.True(HasButton(host, $"Lock {_uma.Email}"));
        Assert.DoesNotContain("Global Admin", string.Join(" ", await ChoicesAsync(host, _uma)));
    }

    [Fact]
    public async Task Users_ChangingARole_SavesItAndShowsTheNewRole()
    {
        await SeedPeopleAsync();
        var host = RenderPage(_gina);

        await host.InvokeAsync(() => RoleSelect(host, _uma)!.Instance.ValueChanged.InvokeAsync(GlobalRole.ApplicationAdmin));

        host.WaitForAssertion(() => Assert.Equal(GlobalRole.ApplicationAdmin, RoleSelect(host, _uma)!.Instance.GetState(x => x.Value)), Wait);
        Assert.Equal(["Application Admin", "Global Admin", "User"], await ChoicesAsync(host, _uma));
        await using var db = _database.CreateDbContext();
        Assert.Equal(GlobalRole.ApplicationAdmin, (await db.Users.SingleAsync(u => u.Id == _uma.Id)).GlobalRole);
    }

    [Fact]
    public async Task Users_ARefusedChange_ShowsTheReasonInTheRowAndChangesNothing()
    {
        await SeedPeopleAsync();
        var host = RenderPage(_gina);
        // Meanwhile another Global Admin made Uma a Global Admin too: Gina's page still offers her "User".
        await using (var db = _database.CreateDbContext())
        {
            await db.Users.Where(u => u.Id == _uma.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.GlobalRole, GlobalRole.GlobalAdmin));
        }

        await host.InvokeAsync(() => RoleSelect(host, _uma)!.Instance.ValueChanged.InvokeAsync(GlobalRole.User));

        // The reason shows at once; the row reloaded from the database then shows Uma as the Global Admin she is, without a select.
        host.WaitForAssertion(() =>
        {
            Assert.Contains("A Global Admin cannot demote another Global Admin.", RowText(host, _uma));
            Assert.Null(RoleSelect(host, _uma));
        }, Wait);
        await using var check = _database.CreateDbContext();
        Assert.Equal(GlobalRole.GlobalAdmin, (await check.Users.SingleAsync(u => u.Id == _uma.Id)).GlobalRole);
        Assert.Empty(await check.AuditEntries.ToListAsync());
    }

    [Fact]
    public async Task Users_LockAndUnlock_ShowTheStateInTheRow()
    {
        await SeedPeopleAsync();
        var host = RenderPage(_adam);

        host.ClickWhenReady(() => host.FindAll("button").Single(b => b.GetAttribute("aria-label") == $"Lock {_uma.Email}"), Wait);

        host.WaitForAssertion(() => Assert.Contains("Locked", RowText(host, _uma)), Wait);
        host.ClickWhenReady(() => host.FindAll("button").Single(b => b.GetAttribute("aria-label") == $"Unlock {_uma.Email}"), Wait);
        host.WaitForAssertion(() => Assert.Contains("Active", RowText(host, _uma)), Wait);
        await using var db = _database.CreateDbContext();
        Assert.Equal([AuditAction.UserLocked, AuditAction.UserUnlocked], await db.AuditEntries.OrderBy(e => e.Id).Select(e => e.Action).ToListAsync());
    }

    [Fact]
    public async Task Users_Search_AsksTheDatabaseAndSaysWhenNothingMatches()
    {
        await SeedPeopleAsync();
        var host = RenderPage(_gina);

        host.InputWhenReady(() => host.Find("input[aria-label='Search users']"), "ad", Wait);
        host.WaitForAssertion(() => Assert.Equal(["adam@example.test"], host.FindAll("[data-testid=user-email]").Select(e => e.TextContent.Trim())), Wait);

        host.InputWhenReady(() => host.Find("input[aria-label='Search users']"), "zz", Wait);
        host.WaitForAssertion(() => Assert.Contains("No user matches \"zz\".", host.Markup), Wait);
    }
}
