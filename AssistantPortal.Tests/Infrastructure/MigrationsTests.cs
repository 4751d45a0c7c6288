using AssistantPortal.Data;
using AssistantPortal.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Tests.Infrastructure;

/// <summary>
/// Each provider has its own migrations (SQLite's filed under <see cref="ApplicationDbContext"/>, PostgreSQL's under
/// <see cref="PostgreSqlMigrationsContext"/>); a model change that got a migration for only one of them fails here.
/// </summary>
public sealed class MigrationsTests
{
    private static ApplicationDbContext Sqlite() =>
        new(new DbContextOptionsBuilder<ApplicationDbContext>()
            .UseSqlite("Data Source=:memory:")
            .UseApplicationServiceProvider(IdentityModelServices.Instance)
            .Options);

    // No connection is opened: the model and the migrations are compared in memory.
    private static ApplicationDbContext PostgreSql() =>
        new((DbContextOptions<ApplicationDbContext>)new DbContextOptionsBuilder<ApplicationDbContext>()
            .UsePostgreSql("Host=localhost;Database=unused")
            .UseApplicationServiceProvider(IdentityModelServices.Instance)
            .Options);

    [Fact]
    public void Sqlite_ModelHasNoChangeWithoutAMigration()
    {
        using var db = Sqlite();
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void PostgreSql_ModelHasNoChangeWithoutAMigration()
    {
        using var db = PostgreSql();
        Assert.False(db.Database.HasPendingModelChanges());
    }

    [Fact]
    public void EachProvider_GetsOnlyItsOwnMigrations()
    {
        using var sqlite = Sqlite();
        using var postgreSql = PostgreSql();

        var sqliteMigrations = sqlite.Database.GetMigrations().ToList();
        var postgreSqlMigrations = postgreSql.Database.GetMigrations().ToList();

        Assert.Contains(sqliteMigrations, m => m.EndsWith("_InitialCreate", StringComparison.Ordinal));
        Assert.Contains(postgreSqlMigrations, m => m.EndsWith("_InitialPostgreSql", StringComparison.Ordinal));
        Assert.Empty(sqliteMigrations.Intersect(postgreSqlMigrations));
    }
}

/// <summary>On PostgreSQL, the app prepares its frequent statements unless the connection string decides.</summary>
public sealed class PreparedStatementsTests
{
    [Fact]
    public void ConnectionStringWithoutASetting_GetsAutomaticPreparation()
    {
        var result = new Npgsql.NpgsqlConnectionStringBuilder(
            DatabaseExtensions.WithPreparedStatements("Host=db;Database=portal;Username=u;Password=p"));

        Assert.Equal(64, result.MaxAutoPrepare);
        Assert.Equal(2, result.AutoPrepareMinUsages);
        Assert.Equal("db", result.Host);
        Assert.Equal("portal", result.Database);
    }

    [Theory]
    [InlineData("Host=db;Max Auto Prepare=0")]
    [InlineData("Host=db;max auto prepare=10")]
    public void ConnectionStringThatSetsIt_IsLeftAsItIs(string connectionString)
    {
        Assert.Equal(connectionString, DatabaseExtensions.WithPreparedStatements(connectionString));
    }
}
