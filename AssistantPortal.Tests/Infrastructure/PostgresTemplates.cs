using AssistantPortal.Data;
using AssistantPortal.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Npgsql;

namespace AssistantPortal.Tests.Infrastructure;

/// <summary>
/// Test databases on PostgreSQL: the PostgreSQL migrations run once per test run into a template database,
/// and each test's database is <c>CREATE DATABASE … TEMPLATE</c> of it (a file copy on the server). Every
/// database of a run is named <c>ap_{process id}_…</c>; the next run drops those whose process is gone.
/// </summary>
public static class PostgresTemplates
{
    private static readonly string Prefix = $"ap_{Environment.ProcessId}_";

    private static readonly Lazy<string> Template = new(CreateTemplate, LazyThreadSafetyMode.ExecutionAndPublication);

    /// <summary>CREATE DATABASE … TEMPLATE may not overlap with another one from the same template.</summary>
    private static readonly Lock CopyLock = new();

    public static DbContextOptions<ApplicationDbContext> OptionsFor(string connectionString) =>
        (DbContextOptions<ApplicationDbContext>)new DbContextOptionsBuilder<ApplicationDbContext>()
            .UsePostgreSql(connectionString)
            .UseApplicationServiceProvider(IdentityModelServices.Instance)
            .Options;

    /// <summary>A new database with the migrations applied; returns its name.</summary>
    public static string CreateCopy()
    {
        var template = Template.Value;
        var name = Prefix + Guid.NewGuid().ToString("N")[..12];
        lock (CopyLock)
        {
            Execute($"CREATE DATABASE \"{name}\" TEMPLATE \"{template}\"");
        }
        return name;
    }

    public static void Drop(string name)
    {
        using (var connection = new NpgsqlConnection(TestPostgres.ConnectionString(name)))
        {
            NpgsqlConnection.ClearPool(connection);
        }
        Execute($"DROP DATABASE IF EXISTS \"{name}\" WITH (FORCE)");
    }

    private static string CreateTemplate()
    {
        DropLeftovers();
        var name = Prefix + "template";
        Execute($"CREATE DATABASE \"{name}\"");
        var connectionString = TestPostgres.ConnectionString(name);
        using (var db = new ApplicationDbContext(OptionsFor(connectionString)))
        {
            db.Database.Migrate();
        }
        // A template may have no other connection open while it is copied.
        using (var connection = new NpgsqlConnection(connectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }
        AppDomain.CurrentDomain.ProcessExit += (_, _) =>
        {
            NpgsqlConnection.ClearAllPools();
            foreach (var database in Databases().Where(d => d.StartsWith(Prefix, StringComparison.Ordinal)))
            {
                Execute($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            }
        };
        return name;
    }

    /// <summary>Databases of earlier runs whose test process is gone (stopped before it could clean up).</summary>
    private static void DropLeftovers()
    {
        foreach (var database in Databases())
        {
            var parts = database.Split('_');
            if (parts.Length >= 3 && parts[0] == "ap" && int.TryParse(parts[1], out var processId) && !TestDatabase.IsProcessRunning(processId))
            {
                Execute($"DROP DATABASE IF EXISTS \"{database}\" WITH (FORCE)");
            }
        }
    }

    private static List<string> Databases()
    {
        using var connection = new NpgsqlConnection(TestPostgres.ConnectionString());
        connection.Open();
        using var command = new NpgsqlCommand("SELECT datname FROM pg_database WHERE datname LIKE 'ap\\_%'", connection);
        using var reader = command.ExecuteReader();
        var names = new List<string>();
        while (reader.Read())
        {
            names.Add(reader.GetString(0));
        }
        return names;
    }

    private static void Execute(string sql)
    {
        // Not pooled: CREATE/DROP DATABASE is rare, and a pooled connection to "postgres" would be harmless but idle.
        using var connection = new NpgsqlConnection(TestPostgres.ConnectionString() + ";Pooling=false");
        connection.Open();
        using var command = new NpgsqlCommand(sql, connection);
        command.ExecuteNonQuery();
    }
}
