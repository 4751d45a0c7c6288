using AssistantPortal.Data;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AssistantPortal.E2E.Infrastructure;

/// <summary>
/// The whole app on a real Kestrel socket (a free port on loopback), with its own SQLite file in a
/// temporary data folder, migrated at start-up as in production. One per test: a fresh database.
/// With <c>TEST_DATABASE=postgresql</c>, a fresh PostgreSQL database instead (<see cref="E2EPostgres"/>),
/// configured as an operator would (Database:Provider and the connection string).
/// </summary>
public class KestrelAppFactory : WebApplicationFactory<Program>
{
    public KestrelAppFactory()
    {
        DataPath = Path.Combine(Path.GetTempPath(), "ap-e2e", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(DataPath);
        UseKestrel(0);
    }

    public string DataPath { get; }

    /// <summary>Is the suite asked to run on PostgreSQL (<c>TEST_DATABASE=postgresql</c>)?</summary>
    public static bool OnPostgreSql { get; } =
        string.Equals(Environment.GetEnvironmentVariable("TEST_DATABASE"), "postgresql", StringComparison.OrdinalIgnoreCase);

    private E2EPostgres? _postgres;

    /// <summary>The app's warnings and errors, shown when a test fails.</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>The address to browse, as <c>localhost</c> (cookies and the circuit expect a host name).</summary>
    public string BaseUrl
    {
        get
        {
            var address = ClientOptions.BaseAddress.ToString().TrimEnd('/');
            return address.Replace("127.0.0.1", "localhost", StringComparison.Ordinal);
        }
    }

    /// <summary>Extra settings for a test's app, applied after the defaults. Set them before the server starts.</summary>
    public Dictionary<string, string?> Settings { get; } = new();

    /// <summary>Sends the app's mail to <paramref name="sink"/> (settings <c>Email:Smtp:Host</c> and <c>Email:Smtp:Port</c>).</summary>
    public KestrelAppFactory UseSmtp(SmtpSink sink)
    {
        Settings["Email:Smtp:Host"] = sink.Host;
        Settings["Email:Smtp:Port"] = sink.Port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        return this;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting("Portal:DataPath", DataPath);
        builder.UseSetting("Portal:SeedDemoData", "false");
        builder.UseSetting("Portal:InitialGlobalAdminEmail", "");
        if (OnPostgreSql && !Settings.ContainsKey("ConnectionStrings:DefaultConnection"))
        {
            _postgres ??= E2EPostgres.CreateAsync().GetAwaiter().GetResult();
            builder.UseSetting("Database:Provider", "PostgreSql");
            builder.UseSetting("ConnectionStrings:DefaultConnection", _postgres.ConnectionString);
        }
        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
        builder.ConfigureLogging(logging => logging.AddProvider(Logs));
    }

    /// <summary>A context on the app's own database, for arranging and asserting.</summary>
    public ApplicationDbContext CreateDbContext() =>
        Services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContext();

    protected override void Dispose(bool disposing)
    {
        base.Dispose(disposing);
        SqliteConnection.ClearAllPools();
        if (_postgres is not null)
        {
            _postgres.DisposeAsync().AsTask().GetAwaiter().GetResult();
            _postgres = null;
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
