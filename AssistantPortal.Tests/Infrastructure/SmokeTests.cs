using System.Net;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Tests.Infrastructure;

public sealed class SmokeTests
{
    [Fact]
    public async Task Health_OnAFreshDataFolder_IsHealthyAfterMigrating()
    {
        using var factory = new AppFactory();
        using var client = factory.CreateClient();

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
        await using var db = factory.CreateDbContext();
        Assert.Equal(db.Database.GetMigrations(), await db.Database.GetAppliedMigrationsAsync());
        Assert.NotEmpty(db.Database.GetMigrations());
        Assert.Equal(!TestPostgres.IsSelected, File.Exists(Path.Combine(factory.DataPath, "assistantportal.db")));
    }
}
