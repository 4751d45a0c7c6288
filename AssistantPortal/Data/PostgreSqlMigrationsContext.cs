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

/// <summary>
/// Lets <c>dotnet ef</c> build <see cref="PostgreSqlMigrationsContext"/> without a server (making a migration needs
/// none); <c>dotnet ef database update</c> goes to <c>ConnectionStrings__DefaultConnection</c> when it is set.
/// </summary>
public sealed class PostgreSqlMigrationsContextFactory : IDesignTimeDbContextFactory<PostgreSqlMigrationsContext>
{
    public PostgreSqlMigrationsContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<PostgreSqlMigrationsContext>()
            .UseNpgsql(Environment.GetEnvironmentVariable("ConnectionStrings__DefaultConnection") is { Length: > 0 } configured
                ? configured
                : "Host=localhost;Database=assistantportal")
            .UseApplicationServiceProvider(IdentityModelServices.Instance)
            .Options);
}

/// <summary>
/// Lets <c>dotnet ef</c> build the SQLite <see cref="ApplicationDbContext"/> on its own: without it, the tools would
/// take the PostgreSQL factory above for this context too (its product is an <see cref="ApplicationDbContext"/>).
/// <c>dotnet ef database update</c> goes to the app's default file, App_Data/assistantportal.db under the project.
/// </summary>
public sealed class SqliteDesignTimeContextFactory : IDesignTimeDbContextFactory<ApplicationDbContext>
{
    public ApplicationDbContext CreateDbContext(string[] args) =>
        new(new DbContextOptionsBuilder<ApplicationDbContext>()
            .UseSqlite("Data Source=" + Path.Combine("App_Data", "assistantportal.db"))
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
