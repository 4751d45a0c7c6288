using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace AssistantPortal.Data;

/// <summary>
/// The same model as <see cref="ApplicationDbContext"/>, as a type of its own so that the PostgreSQL migrations
/// (Data/Migrations/PostgreSql) are told apart from the SQLite ones: EF Core files a migration under the context
/// type named in its <c>[DbContext]</c> attribute. The app itself always works with <see cref="ApplicationDbContext"/>;
/// on PostgreSQL, <see cref="Infrastructure.PostgreSqlMigrationsAssembly"/> hands it these migrations.
/// </summary>
/// <remarks>
/// A new migration is made for each provider:
/// <code>
/// dotnet ef migrations add NAME --project AssistantPortal --context ApplicationDbContext --output-dir Data/Migrations
/// dotnet ef migrations add NAME --project AssistantPortal --context PostgreSqlMigrationsContext --output-dir Data/Migrations/PostgreSql
/// </code>
/// </remarks>
public sealed class PostgreSqlMigrationsContext(DbContextOptions<PostgreSqlMigrationsContext> options) : ApplicationDbContext(options);

/// <summary>Lets <c>dotnet ef</c> build <see cref="PostgreSqlMigrationsContext"/> without a server (making a migration needs none).</summary>
public sealed class PostgreSqlMigrationsContextFactory : IDesignTimeDbContextFactory<PostgreSqlMigrationsContext>
{
    public PostgreSqlMigrationsContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlMigrationsContext>()
            .UseNpgsql("Host=localhost;Database=assistantportal_design")
            .UseApplicationServiceProvider(IdentityModelServices.Instance)
            .Options);
}

/// <summary>
/// Lets <c>dotnet ef</c> build the SQLite <see cref="ApplicationDbContext"/> on its own: without it, the tools would
/// take the PostgreSQL factory above for this context too (its product is an <see cref="ApplicationDbContext"/>).
/// </summary>
public sealed class SqliteDesignTimeContextFactory : IDesignTimeDbContextFactory<ApplicationDbContext>
{
    public ApplicationDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ApplicationDbContext>()
            .UseSqlite("Data Source=design-time.db")
            .UseApplicationServiceProvider(IdentityModelServices.Instance)
            .Options);
}

/// <summary>
/// The Identity options the model depends on (schema version 3 adds the passkey table), for contexts made outside
/// the app's container: design time and tests.
/// </summary>
public static class IdentityModelServices
{
    public static IServiceProvider Instance { get; } = new ServiceCollection()
        .Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3)
        .BuildServiceProvider();
}
