using Npgsql;

namespace AssistantPortal.E2E.Infrastructure;

/// <summary>
/// An empty database on the machine's PostgreSQL server (<c>.ci/postgres-up</c>; <c>TEST_POSTGRES</c> overrides the
/// address) for scenarios that run the app configured for PostgreSQL; the app migrates it at start-up. Dropped on dispose.
/// </summary>
public sealed class E2EPostgres : IAsyncDisposable
{
    private const string Default = "Host=localhost;Port=5432;Username=assistantportal;Password=assistantportal;Database=postgres";

    private E2EPostgres(string name) => Name = name;

    public string Name { get; }

    /// <summary>The connection string the app instances are configured with.</summary>
    public string ConnectionString => ConnectionStringFor(Name);

    public static async Task<E2EPostgres> CreateAsync()
    {
        var database = new E2EPostgres($"ape2e_{Guid.NewGuid():N}");
        await ExecuteAsync($"CREATE DATABASE \"{database.Name}\"");
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        await using (var connection = new NpgsqlConnection(ConnectionString))
        {
            NpgsqlConnection.ClearPool(connection);
        }
        await ExecuteAsync($"DROP DATABASE IF EXISTS \"{Name}\" WITH (FORCE)");
    }

    private static string ConnectionStringFor(string database) =>
        new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("TEST_POSTGRES") is { Length: > 0 } configured ? configured : Default)
        {
            Database = database,
        }.ToString();

    private static async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionStringFor("postgres") + ";Pooling=false");
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }
}
