using Npgsql;

namespace AssistantPortal.Tests.Infrastructure;

/// <summary>
/// The PostgreSQL server the tests use: <c>TEST_POSTGRES</c> if set, else the one <c>.ci/postgres-up</c> starts on
/// this machine (role assistantportal, allowed to create databases).
/// </summary>
public static class TestPostgres
{
    private const string Default = "Host=localhost;Port=5432;Username=assistantportal;Password=assistantportal;Database=postgres";

    /// <summary>
    /// Set <c>TEST_DATABASE=postgresql</c> to run the tests that use <see cref="TestDatabase"/> and <see cref="AppFactory"/>
    /// on PostgreSQL instead of SQLite files (<c>.ci/test</c> runs the suite both ways).
    /// </summary>
    public static bool IsSelected { get; } =
        string.Equals(Environment.GetEnvironmentVariable("TEST_DATABASE"), "postgresql", StringComparison.OrdinalIgnoreCase);

    /// <summary>The connection string for <paramref name="database"/> on the test server.</summary>
    public static string ConnectionString(string database = "postgres") =>
        new NpgsqlConnectionStringBuilder(Environment.GetEnvironmentVariable("TEST_POSTGRES") is { Length: > 0 } configured ? configured : Default)
        {
            Database = database,
        }.ToString();
}
