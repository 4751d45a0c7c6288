using AssistantPortal.Data;
using AssistantPortal.E2E.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace AssistantPortal.E2E.Accounts;

/// <summary>Accounts in a real browser: the first account on a fresh database becomes Global Admin.</summary>
[Collection(BrowserCollection.Name)]
public sealed class RegistrationTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    [ScenarioFact]
    public async Task First_account_is_global_admin_and_second_is_user()
    {
        await RegisterAsync("first@e2e.test");
        await RegisterAsync("second@e2e.test");

        await using var db = App.CreateDbContext();
        var roles = await db.Users.OrderBy(u => u.CreatedAt).Select(u => new { u.Email, u.GlobalRole }).ToListAsync();
        Assert.Equal(
            [("first@e2e.test", GlobalRole.GlobalAdmin), ("second@e2e.test", GlobalRole.User)],
            roles.Select(r => (r.Email, r.GlobalRole)));
    }
}
