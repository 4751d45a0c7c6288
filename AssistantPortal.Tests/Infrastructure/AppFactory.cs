using AssistantPortal.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantPortal.Tests.Infrastructure;

/// <summary>
/// The whole app hosted in memory on its own SQLite file in a temporary data folder (migrated at
/// start-up as in production), for HTTP-level tests. With <c>TEST_DATABASE=postgresql</c>, on a
/// PostgreSQL database of its own instead (Database:Provider, as an operator would configure it).
/// </summary>
public class AppFactory : WebApplicationFactory<Program>
{
    public AppFactory()
    {
        DataPath = Path.Combine(Path.GetTempPath(), "ap-app-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataPath);
    }

    public string DataPath { get; }

    /// <summary>Extra settings for this app, applied after the defaults (and after the test database's). Set them before the app starts.</summary>
    public Dictionary<string, string?> Settings { get; } = new();

    /// <summary>On PostgreSQL, the app's database (dropped on dispose); null on SQLite.</summary>
    private string? _postgresDatabase;

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Portal:DataPath", DataPath);
        builder.UseSetting("Portal:SeedDemoData", "false");
        builder.UseSetting("Portal:InitialGlobalAdminEmail", "");
        if (TestPostgres.IsSelected)
        {
            _postgresDatabase ??= PostgresTemplates.CreateCopy();
            builder.UseSetting("Database:Provider", "PostgreSql");
            builder.UseSetting("ConnectionStrings:DefaultConnection", TestPostgres.ConnectionString(_postgresDatabase));
        }
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <summary>A context on the app's own database, for arranging and asserting.</summary>
    public ApplicationDbContext CreateDbContext() =>
        Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContext();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        if (_postgresDatabase is not null)
        {
            PostgresTemplates.Drop(_postgresDatabase);
            _postgresDatabase = null;
        }
        try
        {
            Directory.Delete(DataPath, recursive: true);
        }
        catch (IOException)
        {
            // Left for the OS to clean.
        }
    }
}
