using AssistantPortal.Data;
using AssistantPortal.Infrastructure.ClusterEvents;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AssistantPortal.Infrastructure;

/// <summary>Which database the app keeps its data in: configuration "Database:Provider".</summary>
public enum DatabaseProvider
{
    /// <summary>A file in the data folder (the default): one machine, nothing to install.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server (ConnectionStrings:DefaultConnection), for several instances behind a load balancer.</summary>
    PostgreSql,
}

/// <summary>Configuration section "Database".</summary>
public sealed class DatabaseOptions
{
    public const string Section = "Database";

    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    public static DatabaseOptions From(IConfiguration configuration) =>
        configuration.GetSection(Section).Get<DatabaseOptions>() ?? new DatabaseOptions();
}

public static class DatabaseExtensions
{
    /// <summary>
    /// SQLite in the data folder unless a connection string is configured, or PostgreSQL when
    /// <see cref="DatabaseOptions.Provider"/> says so (then the connection string is required). Interactive
    /// components get a context per operation from <see cref="IDbContextFactory{TContext}"/>; requests get a scoped one.
    /// </summary>
    public static IServiceCollection AddDatabase(this IServiceCollection services, IConfiguration configuration, string contentRoot)
    {
        var options = configuration.GetSection(PortalOptions.Section).Get<PortalOptions>() ?? new PortalOptions();
        var dataPath = options.ResolveDataPath(contentRoot);
        Directory.CreateDirectory(dataPath);
        var connectionString = configuration.GetConnectionString("DefaultConnection");
        Action<DbContextOptionsBuilder> useDatabase;
        if (DatabaseOptions.From(configuration).Provider == DatabaseProvider.PostgreSql)
        {
            if (string.IsNullOrWhiteSpace(connectionString))
            {
                throw new InvalidOperationException(
                    "Database:Provider is PostgreSql but ConnectionStrings:DefaultConnection is empty: set it to the server's connection string.");
            }
            var postgreSql = WithPreparedStatements(connectionString);
            useDatabase = o => o.UsePostgreSql(postgreSql);
            // Several instances may share this database: revocations, role changes and notifications reach their tabs too.
            services.AddPostgreSqlEventRelay(postgreSql);
        }
        else
        {
            var sqlite = string.IsNullOrWhiteSpace(connectionString)
                ? new SqliteConnectionStringBuilder
                {
                    DataSource = Path.Combine(dataPath, "assistantportal.db"),
                    Cache = SqliteCacheMode.Default,
                    Pooling = true,
                }.ToString()
                : connectionString;
            useDatabase = o => o.UseSqlite(sqlite).AddInterceptors(SqliteTuningInterceptor.Instance);
        }

        // Pooled: a context per operation is the pattern here (components, commands, API requests), and building a
        // context's internal services each time was a tenth of an API request's CPU. The context has no state of
        // its own beyond EF's, which the pool resets; the after-commit interceptors key their state by lease.
        services.AddPooledDbContextFactory<ApplicationDbContext>(useDatabase);
        services.AddScoped(sp => sp.GetRequiredService<IDbContextFactory<ApplicationDbContext>>().CreateDbContext());
        return services;
    }

    /// <summary>
    /// Npgsql's automatic preparation, unless the connection string says otherwise: the access resolver's
    /// statement is a union of ten sources, and planning it again on every call cost PostgreSQL more than running
    /// it (benchmark <c>check</c> at scale M: p99 6.4 ms unprepared, 0.9 ms prepared). Set <c>Max Auto Prepare=0</c>
    /// explicitly to turn it off, e.g. behind a connection pooler that cannot keep prepared statements.
    /// </summary>
    public static string WithPreparedStatements(string connectionString)
    {
        var given = new System.Data.Common.DbConnectionStringBuilder { ConnectionString = connectionString };
        if (given.ContainsKey("Max Auto Prepare") || given.ContainsKey("MaxAutoPrepare"))
        {
            return connectionString;
        }
        return new Npgsql.NpgsqlConnectionStringBuilder(connectionString) { MaxAutoPrepare = 64, AutoPrepareMinUsages = 2 }.ToString();
    }

    /// <summary>PostgreSQL with its own migrations (<see cref="PostgreSqlMigrationsAssembly"/>).</summary>
    public static DbContextOptionsBuilder UsePostgreSql(this DbContextOptionsBuilder builder, string connectionString) =>
        builder.UseNpgsql(connectionString).ReplaceService<IMigrationsAssembly, PostgreSqlMigrationsAssembly>();

    /// <summary>Applies the committed migrations (creating the database file on first start).</summary>
    public static async Task InitializeDatabaseAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ApplicationDbContext>();
        await db.Database.MigrateAsync();
        if (db.Database.IsSqlite())
        {
            // Write-ahead logging lets readers and the writer work at once; it is a property of the file.
            await db.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;");
        }
        var seeder = scope.ServiceProvider.GetService<IStartupSeeder>();
        if (seeder is not null)
        {
            await seeder.SeedAsync(db);
        }
    }
}

/// <summary>Fills an empty database with demo data when <see cref="PortalOptions.SeedDemoData"/> is on.</summary>
public interface IStartupSeeder
{
    Task SeedAsync(ApplicationDbContext db);
}
