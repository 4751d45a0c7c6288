using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace AssistantPortal.Benchmarks;

/// <summary>
/// The database under test, configured exactly as the app configures its own (the app's
/// <see cref="DatabaseExtensions.AddDatabase"/> on a data folder), with the app's migrations applied.
/// Generated once per folder and scale; a later run with the same <c>--data</c> folder reuses it.
/// </summary>
public sealed class BenchDatabase : IAsyncDisposable
{
    private readonly ServiceProvider _services;
    private readonly string? _temporaryFolder;

    private BenchDatabase(ServiceProvider services, string? temporaryFolder)
    {
        _services = services;
        _temporaryFolder = temporaryFolder;
    }

    public IDbContextFactory<ApplicationDbContext> Factory => _services.GetRequiredService<IDbContextFactory<ApplicationDbContext>>();

    public IAccessResolver Resolver => _services.GetRequiredService<IAccessResolver>();

    public static async Task<BenchDatabase> OpenAsync(BenchOptions options)
    {
        var temporary = options.DataDir is null ? Path.Combine(Path.GetTempPath(), "ap-bench", Guid.NewGuid().ToString("N")) : null;
        var folder = Path.GetFullPath(Path.Combine(options.DataDir ?? temporary!, $"scale-{options.Scale}"));
        Directory.CreateDirectory(folder);

        var settings = new Dictionary<string, string?> { [$"{PortalOptions.Section}:{nameof(PortalOptions.DataPath)}"] = folder };
        string? postgreSqlDatabase = null;
        if (options.PostgreSql is not null)
        {
            // The app's own switch, as an operator sets it.
            var builder = new NpgsqlConnectionStringBuilder(options.PostgreSql);
            postgreSqlDatabase = $"assistantportal_bench_{options.Scale.ToString().ToLowerInvariant()}";
            builder.Database = postgreSqlDatabase;
            settings[$"{DatabaseOptions.Section}:{nameof(DatabaseOptions.Provider)}"] = nameof(DatabaseProvider.PostgreSql);
            settings["ConnectionStrings:DefaultConnection"] = builder.ToString();
        }
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        // The Identity schema version decides the model's Identity tables, as in the app.
        services.Configure<IdentityOptions>(o => o.Stores.SchemaVersion = IdentitySchemaVersions.Version3);
        services.AddDatabase(configuration, folder);
        services.AddSingleton<IAccessResolver, AccessResolver>();
        // BENCH_SQL=1 prints every statement EF runs, to read the plans with EXPLAIN QUERY PLAN.
        if (Environment.GetEnvironmentVariable("BENCH_SQL") == "1")
        {
            services.ConfigureDbContext<ApplicationDbContext>(o => o.LogTo(Console.WriteLine, [Microsoft.EntityFrameworkCore.Diagnostics.RelationalEventId.CommandExecuted]));
        }
        var provider = services.BuildServiceProvider();
        var database = new BenchDatabase(provider, temporary);

        var done = Path.Combine(folder, postgreSqlDatabase is null ? $"generated-seed-{options.Seed}" : $"generated-seed-{options.Seed}-{postgreSqlDatabase}");
        await using (var db = await database.Factory.CreateDbContextAsync())
        {
            var connectionString = db.Database.GetConnectionString()!;
            if (!File.Exists(done))
            {
                // A half-generated database from an interrupted run is worthless: start over.
                if (postgreSqlDatabase is null)
                {
                    SqliteConnection.ClearAllPools();
                    foreach (var file in Directory.GetFiles(folder))
                    {
                        File.Delete(file);
                    }
                }
                else
                {
                    await db.Database.EnsureDeletedAsync();
                }
                await db.Database.MigrateAsync();
                Console.WriteLine($"generating scale {options.Scale} into {postgreSqlDatabase ?? folder}");
                await new DataGenerator(ScaleSizes.For(options.Scale), options.Seed).GenerateAsync(postgreSqlDatabase is null
                    ? new SqliteConnection(connectionString)
                    : new NpgsqlConnection(connectionString));
                await File.WriteAllTextAsync(done, DateTime.UtcNow.ToString("O"));
            }
            else
            {
                Console.WriteLine($"reusing scale {options.Scale} data in {folder}");
                // Migrations added since the data was generated (indexes) are applied to it as the app would.
                await db.Database.MigrateAsync();
            }
        }
        return database;
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        SqliteConnection.ClearAllPools();
        if (_temporaryFolder is not null)
        {
            Directory.Delete(_temporaryFolder, recursive: true);
        }
    }
}
