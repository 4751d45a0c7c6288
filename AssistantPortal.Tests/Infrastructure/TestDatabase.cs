using AssistantPortal.Data;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Tests.Infrastructure;

/// <summary>
/// A real SQLite file in a temporary folder with the committed migrations applied: the same schema,
/// constraints and query translation as the running app. Deleted on dispose. With
/// <c>TEST_DATABASE=postgresql</c>, a database of its own on the test PostgreSQL server instead
/// (<see cref="TestPostgres"/>), made with the PostgreSQL migrations and dropped on dispose.
/// </summary>
/// <remarks>
/// Migrating takes far longer than copying a file, so the migrations run once per test run into a
/// template file (or template database), and every instance starts from a copy of it.
/// </remarks>
public sealed class TestDatabase : IDbContextFactory<ApplicationDbContext>, IAsyncDisposable, IDisposable
{
    /// <summary>
    /// This test run's folder: the template and every copy live under it, and it goes when the process
    /// exits, so a test class that never disposes its database leaves nothing behind.
    /// </summary>
    private static readonly string RunFolder = CreateRunFolder();

    /// <summary>The migrated template, created on first use by whichever test gets there first.</summary>
    private static readonly Lazy<string> Template = new(CreateTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    private readonly string _folder;

    public TestDatabase()
    {
        if (TestPostgres.IsSelected)
        {
            _folder = "";
            Name = PostgresTemplates.CreateCopy();
            ConnectionString = TestPostgres.ConnectionString(Name);
            Options = PostgresTemplates.OptionsFor(ConnectionString);
            return;
        }
        _folder = Path.Combine(RunFolder, Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(_folder);
        var file = Path.Combine(_folder, "test.db");
        File.Copy(Template.Value, file);
        ConnectionString = ConnectionStringFor(file);
        Options = OptionsFor(ConnectionString);
    }

    /// <summary>
    /// The Identity options the app uses: the schema version decides which Identity tables the model has
    /// (Version3 adds passkeys), so without it the model would not match the committed migrations.
    /// </summary>
    private static IServiceProvider IdentityServices => IdentityModelServices.Instance;

    public string ConnectionString { get; }

    /// <summary>On PostgreSQL, this test's database; null on SQLite.</summary>
    public string? Name { get; }

    public DbContextOptions<ApplicationDbContext> Options { get; }

    public ApplicationDbContext CreateDbContext() => new(Options);

    /// <summary>Pooled, so the many short contexts of a test reuse one open file; the pool is cleared on dispose.</summary>
    private static string ConnectionStringFor(string file) =>
        new SqliteConnectionStringBuilder { DataSource = file, Pooling = true }.ToString();

    private static DbContextOptions<ApplicationDbContext> OptionsFor(string connectionString) =>
        new DbContextOptionsBuilder<ApplicationDbContext>()
            .UseSqlite(connectionString)
            .UseApplicationServiceProvider(IdentityServices)
            .Options;

    private static string CreateRunFolder()
    {
        var root = Path.Combine(Path.GetTempPath(), "ap-tests");
        // The runner may stop a test host before its exit handler finishes: the next run drops the
        // folders of runs whose process is gone.
        foreach (var stale in Directory.Exists(root) ? Directory.GetDirectories(root, "run-*") : [])
        {
            if (!IsRunning(Path.GetFileName(stale)))
            {
                TryDelete(stale);
            }
        }
        var folder = Path.Combine(root, $"run-{Environment.ProcessId}-{Guid.NewGuid():N}");
        Directory.CreateDirectory(folder);
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            SqliteConnection.ClearAllPools();
            TryDelete(folder);
        };
        return folder;
    }

    /// <summary>Is the process that made the run folder "run-{pid}-{guid}" still running?</summary>
    private static bool IsRunning(string runFolderName)
    {
        var parts = runFolderName.Split('-');
        return parts.Length == 3 && int.TryParse(parts[1], out var processId) && IsProcessRunning(processId);
    }

    /// <summary>Is the test process <paramref name="processId"/> (which made some leftover) still running?</summary>
    internal static bool IsProcessRunning(int processId)
    {
        try
        {
            using var process = System.Diagnostics.Process.GetProcessById(processId);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }

    /// <summary>Migrates a fresh file once; it stays in rollback-journal mode, so one file is the whole database.</summary>
    private static string CreateTemplate()
    {
        var file = Path.Combine(RunFolder, "template.db");
        var connectionString = ConnectionStringFor(file);
        using (var db = new ApplicationDbContext(OptionsFor(connectionString)))
        {
            db.Database.Migrate();
        }
        // Closes the pooled connection, so the copies are taken from a file nobody holds open.
        using (var connection = new SqliteConnection(connectionString))
        {
            SqliteConnection.ClearPool(connection);
        }
        return file;
    }

    private static void TryDelete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // A file still held open on some platforms; the temp folder is cleaned by the OS.
        }
    }

    public void Dispose()
    {
        if (Name is not null)
        {
            PostgresTemplates.Drop(Name);
            return;
        }
        // Only this database's pool: other tests keep theirs.
        using (var connection = new SqliteConnection(ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }
        TryDelete(_folder);
    }

    public ValueTask DisposeAsync()
    {
        Dispose();
        return ValueTask.CompletedTask;
    }
}
