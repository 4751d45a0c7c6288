using AssistantPortal.Data;
using Microsoft.Data.Sqlite;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantPortal.Tests.Infrastructure;

/// <summary>
/// A real SQLite file in a temporary folder with the committed migrations applied: the same schema,
/// constraints and query translation as the running app. Deleted on dispose.
/// </summary>
public sealed class TestDatabase : IDbContextFactory<ApplicationDbContext>, IAsyncDisposable, IDisposable
{
    private readonly string _folder;

    public TestDatabase()
    {
        _folder = Path.Combine(Path.GetTempPath(), "ap-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        ConnectionString = new SqliteConnectionStringBuilder
        {
            DataSource = Path.Combine(_folder, "test.db"),
            Pooling = false,
        }.ToString();
        Options = new DbContextOptionsBuilder<ApplicationDbContext>()
            .UseSqlite(ConnectionString)
            .UseApplicationServiceProvider(IdentityServices)
            .Options;
        using var db = CreateDbContext();
        db.Database.Migrate();
    }

    /// <summary>
    /// The Identity options the app uses: the schema version decides which Identity tables the model has
    /// (Version3 adds passkeys), so without it the model would not match the committed migrations.
    /// </summary>
    private static readonly IServiceProvider IdentityServices = new ServiceCollection()
        .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3)
        .BuildServiceProvider();

    public string ConnectionString { get; }

    public DbContextOptions<ApplicationDbContext> Options { get; }

    public ApplicationDbContext CreateDbContext() => new(Options);

    public void Dispose()
    {
        SqliteConnection.ClearAllPools();
        try
        {
            Directory.Delete(_folder, recursive: true);
        }
        catch (IOException)
        {
            // A file still held open on some platforms; the temp folder is cleaned by the OS.
        }
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
