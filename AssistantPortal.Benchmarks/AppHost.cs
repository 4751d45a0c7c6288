using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.ApiKeys;
using AssistantPortal.Features.Email;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace AssistantPortal.Benchmarks;

/// <summary>
/// The whole app, as its <c>Program</c> builds it (found through any type of its assembly: the benchmark has a <c>Program</c> of its own) (Production environment, its own migrated SQLite file in a
/// temporary data folder), served by Kestrel on a loopback port in this process. The API rate limit is raised
/// so the load generator measures the app, not the limiter. The background mail sender is not run: the
/// <c>share-org</c> entry queues 10,000 mails per share, and delivering half a million mails to files during
/// the measurements would compete with them for the two cores.
/// </summary>
public sealed class AppHost : WebApplicationFactory<ApplicationDbContext>
{
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "ap-bench-app", Guid.NewGuid().ToString("N"));

    public AppHost()
    {
        Directory.CreateDirectory(_dataPath);
        UseKestrel(0);
    }

    /// <summary>The loopback address Kestrel listens on.</summary>
    public Uri Address { get; private set; } = null!;

    public void Start()
    {
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses;
        Address = new Uri(addresses.First());
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.UseSetting("Portal:DataPath", _dataPath);
        builder.UseSetting("Portal:SeedDemoData", "false");
        builder.UseSetting("Portal:InitialGlobalAdminEmail", "");
        builder.UseSetting("Api:PermitsPerWindow", "1000000000");
        builder.UseSetting("Logging:LogLevel:Default", "Warning");
        builder.ConfigureServices(services =>
        {
            var sender = services.Single(d => d.ServiceType == typeof(IHostedService) && d.ImplementationType == typeof(OutboxSender));
            services.Remove(sender);
        });
    }

    public ApplicationDbContext CreateDbContext() => Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContext();

    public static ClaimsPrincipal Principal(ApplicationUser user) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, user.UserName!)], "Bench"));

    public static ApplicationUser NewUser(string name, GlobalRole role = GlobalRole.User) => new()
    {
        UserName = name, NormalizedUserName = name.ToUpperInvariant(), Email = name, NormalizedEmail = name.ToUpperInvariant(),
        EmailConfirmed = true, SecurityStamp = Guid.NewGuid().ToString(), GlobalRole = role,
    };

    /// <summary>Adds an API key of <paramref name="level"/> on the assistant; returns the secret to present.</summary>
    public static string AddKey(ApplicationDbContext db, int assistantId, AccessLevel level)
    {
        var key = ApiKeyGenerator.Generate();
        db.ApiKeys.Add(new ApiKey { AssistantId = assistantId, Name = "bench", Level = level, DisplayPrefix = key.DisplayPrefix, Hash = key.Hash, CreatedAt = DateTime.UtcNow });
        return key.Secret;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_dataPath, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }
}
