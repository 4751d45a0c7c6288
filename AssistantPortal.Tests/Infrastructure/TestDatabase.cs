using AssistantPortal.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

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
        Options = new DbContextOptionsBuilder<ApplicationDbContext>().UseSqlite(ConnectionString).Options;
        using var db = CreateDbContext();
        db.Database.Migrate();
    }

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
