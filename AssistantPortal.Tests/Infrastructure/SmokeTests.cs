using System.Net;

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
        Assert.True(File.Exists(Path.Combine(factory.DataPath, "assistantportal.db")));
    }
}
