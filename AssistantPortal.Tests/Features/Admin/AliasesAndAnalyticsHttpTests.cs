using AssistantPortal.Data;
using AssistantPortal.Features.Chat;
using AssistantPortal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantPortal.Tests.Features.Admin;

/// <summary>The Aliases and Analytics pages through the whole app, as an Application Admin signs in and opens them.</summary>
public sealed class AliasesAndAnalyticsHttpTests(AliasesAndAnalyticsHttpTests.App app) : IClassFixture<AliasesAndAnalyticsHttpTests.App>
{
    private const string SecretKey = "sk-http-91ab-SECRET";

    public sealed class App : IAsyncLifetime
    {
        public AppFactory Factory { get; } = new();

        public async Task InitializeAsync()
        {
            await Factory.CreateUserAsync("adam@example.test", GlobalRole.ApplicationAdmin);
            var keys = Factory.Services.GetRequiredService<ModelAliasKeys>();
            await using var db = Factory.CreateDbContext();
            db.ChatModelAliases.Add(new ChatModelAlias
            {
                Name = "gpt", Endpoint = "https://api.example.test/v1", Model = "gpt-4o-mini", ProtectedApiKey = keys.Protect(SecretKey),
                CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            });
            await db.SaveChangesAsync();
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }

    [Fact]
    public async Task Aliases_ListsBuiltInAndStoredAliasesWithoutTheKey()
    {
        using var client = await app.Factory.SignInAsync("adam@example.test");

        var html = await client.GetStringAsync("/admin/aliases");

        Assert.Contains("data-alias=\"default\"", html);
        Assert.Contains("data-alias=\"offline\"", html);
        Assert.Contains("data-alias=\"gpt\"", html);
        Assert.Contains("gpt-4o-mini", html);
        Assert.DoesNotContain("SECRET", html);
    }

    [Fact]
    public async Task Analytics_ShowsTheFigures()
    {
        using var client = await app.Factory.SignInAsync("adam@example.test");

        var html = await client.GetStringAsync("/admin/analytics");

        Assert.Contains("data-testid=\"figure-users\"", html);
        Assert.Contains("Most-used assistants", html);
    }
}
