using Npgsql;

namespace AssistantPortal.Tests.Infrastructure;

/// <summary>
/// The machine's PostgreSQL server, for the tests of the configured alternative database (started by
/// <c>.ci/postgres-up</c>). The connection string comes from <c>TEST_POSTGRES</c> when set.
/// </summary>
public static class TestPostgres
{
    private const string Default = "Host=localhost;Port=5432;Username=assistantportal;Password=assistantportal;Database=postgres";

    /// <summary>A connection string to <paramref name="database"/> on the test server.</summary>
    public static string ConnectionString(string database = "postgres")
    {
        var configured = Environment.GetEnvironmentVariable("TEST_POSTGRES");
        return new NpgsqlConnectionStringBuilder(string.IsNullOrWhiteSpace(configured) ? Default : configured)
        {
            Database = database,
        }.ToString();
    }
}
