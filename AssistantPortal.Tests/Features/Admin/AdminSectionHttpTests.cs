using System.Net;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using System.Security.Claims;
using AssistantPortal.Features.Admin;
using AssistantPortal.Features.Admin.Users;
using AssistantPortal.Features.Organizations;
using AssistantPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AssistantPortal.Tests.Features.Admin;

/// <summary>
/// SPEC §3 and §9 over HTTP: each admin address answers 200 to the roles the table gives it and the
/// same 404 as an unknown address to every other signed-in role; signed out, it asks to sign in.
/// </summary>
public sealed class AdminSectionHttpTests(AdminSectionHttpTests.App app) : IClassFixture<AdminSectionHttpTests.App>
{
    public sealed class App : IAsyncLifetime
    {
        public AppFactory Factory { get; } = new();

        public async Task InitializeAsync()
        {
            await Factory.CreateUserAsync("gina@example.test");
            await Factory.CreateUserAsync("adam@example.test", GlobalRole.ApplicationAdmin);
            await Factory.CreateUserAsync("uma@example.test");
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }

    private static string EmailOf(GlobalRole role) => role switch
    {
        GlobalRole.GlobalAdmin => "gina@example.test",
        GlobalRole.ApplicationAdmin => "adam@example.test",
        _ => "uma@example.test",
    };

    public static TheoryData<string, AdminSection, GlobalRole> Cells()
    {
        var data = new TheoryData<string, AdminSection, GlobalRole>();
        foreach (var role in Enum.GetValues<GlobalRole>())
        {
            foreach (var section in AdminSections.All)
            {
                data.Add("/" + section.Href, section.Section, role);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Cells))]
    public async Task Section_OpensExactlyForTheRolesOfTheTable(string address, AdminSection section, GlobalRole role)
    {
        using var client = await app.Factory.SignInAsync(EmailOf(role));

        var response = await client.GetAsync(address);

        var expected = GlobalRoles.AdminSections(role).HasFlag(section) ? HttpStatusCode.OK : HttpStatusCode.NotFound;
        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.NotFound)
        {
            Assert.Contains("Not found", await response.Content.ReadAsStringAsync());
        }
    }

    [Theory]
    [InlineData(GlobalRole.GlobalAdmin, HttpStatusCode.OK)]
    [InlineData(GlobalRole.ApplicationAdmin, HttpStatusCode.OK)]
    [InlineData(GlobalRole.User, HttpStatusCode.NotFound)]
    public async Task Overview_OpensForAdminsOnly(GlobalRole role, HttpStatusCode expected)
    {
        using var client = await app.Factory.SignInAsync(EmailOf(role));

        var response = await client.GetAsync("/admin");

        Assert.Equal(expected, response.StatusCode);
    }

    [Fact]
    public async Task Overview_ListsOnlyTheApplicationAdminsSections()
    {
        using var client = await app.Factory.SignInAsync(EmailOf(GlobalRole.ApplicationAdmin));

        var html = await client.GetStringAsync("/admin");

        Assert.Contains("admin/analytics", html);
        Assert.Contains("admin/users", html);
        Assert.Contains("admin/aliases", html);
        Assert.DoesNotContain("admin/chat-logs", html);
        Assert.DoesNotContain("admin/audit", html);
        Assert.DoesNotContain("admin/mail", html);
        Assert.DoesNotContain("admin/groups", html);
    }

    /// <summary>
    /// The Users section's actions, called on the server as a role that may not use them on that target (the page
    /// would not offer them): each is refused with a clear message and changes nothing.
    /// </summary>
    [Theory]
    [InlineData(GlobalRole.User, "adam@example.test", "role", "Only Global Admins and Application Admins manage users.")]
    [InlineData(GlobalRole.User, "adam@example.test", "lock", "Only Global Admins and Application Admins manage users.")]
    [InlineData(GlobalRole.User, "adam@example.test", "unlock", "Only Global Admins and Application Admins manage users.")]
    [InlineData(GlobalRole.ApplicationAdmin, "gina@example.test", "role", "An Application Admin cannot change a Global Admin's role.")]
    [InlineData(GlobalRole.ApplicationAdmin, "uma@example.test", "promote", "An Application Admin can assign only Application Admin or User.")]
    [InlineData(GlobalRole.ApplicationAdmin, "gina@example.test", "lock", "A Global Admin cannot be locked.")]
    [InlineData(GlobalRole.GlobalAdmin, "gina@example.test", "role", "The last Global Admin cannot step down.")]
    [InlineData(GlobalRole.GlobalAdmin, "gina@example.test", "lock", "You cannot lock your own account.")]
    public async Task UserAction_AsARoleThatMayNot_IsRefusedOnTheServerAndChangesNothing(GlobalRole actorRole, string targetEmail, string action, string message)
    {
        await using var scope = app.Factory.Services.CreateAsyncScope();
        var services = scope.ServiceProvider;
        await using var db = app.Factory.CreateDbContext();
        var actorEmail = EmailOf(actorRole);
        var actor = await db.Users.AsNoTracking().SingleAsync(u => u.Email == actorEmail);
        var before = await db.Users.AsNoTracking().SingleAsync(u => u.Email == targetEmail);
        var auditBefore = await db.AuditEntries.CountAsync();
        var principal = new ClaimsPrincipal(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, actor.Id)], "test"));

        var result = action switch
        {
            "role" => await services.GetRequiredService<ChangeGlobalRole>().ExecuteAsync(principal, before.Id, GlobalRole.User),
            "promote" => await services.GetRequiredService<ChangeGlobalRole>().ExecuteAsync(principal, before.Id, GlobalRole.GlobalAdmin),
            "lock" => await services.GetRequiredService<LockUser>().ExecuteAsync(principal, before.Id),
            _ => await services.GetRequiredService<UnlockUser>().ExecuteAsync(principal, before.Id),
        };

        Assert.Equal(CommandStatus.Forbidden, result.Status);
        Assert.Equal(message, result.ErrorFor(""));
        var after = await db.Users.AsNoTracking().SingleAsync(u => u.Email == targetEmail);
        Assert.Equal((before.GlobalRole, before.LockoutEnd, before.SecurityStamp), (after.GlobalRole, after.LockoutEnd, after.SecurityStamp));
        Assert.Equal(auditBefore, await db.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task Section_SignedOut_RedirectsToLogin()
    {
        using var client = app.Factory.CreateClient(new() { AllowAutoRedirect = false });

        var response = await client.GetAsync("/admin/users");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.ToString());
    }
}
