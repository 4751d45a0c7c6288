using System.Reflection;
using AssistantPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.EntityFrameworkCore.Migrations;

namespace AssistantPortal.Infrastructure;

/// <summary>
/// On PostgreSQL, gives <see cref="ApplicationDbContext"/> the migrations filed under
/// <see cref="PostgreSqlMigrationsContext"/> instead of the SQLite ones filed under its own type. Both sets live in
/// this assembly; EF Core's default lookup matches a migration's <c>[DbContext]</c> attribute to the running
/// context's type, and this one matches it to the PostgreSQL twin.
/// </summary>
public sealed class PostgreSqlMigrationsAssembly(IMigrationsIdGenerator idGenerator) : IMigrationsAssembly
{
    private static readonly Type Owner = typeof(PostgreSqlMigrationsContext);

    private readonly Lazy<IReadOnlyDictionary<string, TypeInfo>> _migrations = new(() =>
        Owner.Assembly.DefinedTypes
            .Where(t => t.IsSubclassOf(typeof(Migration)) && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == Owner)
            .Select(t => (Id: t.GetCustomAttribute<MigrationAttribute>()?.Id, Type: t))
            .Where(m => m.Id is not null)
            .OrderBy(m => m.Id, StringComparer.Ordinal)
            .ToDictionary(m => m.Id!, m => m.Type));

    private readonly Lazy<ModelSnapshot?> _snapshot = new(() =>
        Owner.Assembly.DefinedTypes
            .Where(t => t.IsSubclassOf(typeof(ModelSnapshot)) && t.GetCustomAttribute<DbContextAttribute>()?.ContextType == Owner)
            .Select(t => (ModelSnapshot)Activator.CreateInstance(t.AsType())!)
            .FirstOrDefault());

    public IReadOnlyDictionary<string, TypeInfo> Migrations => _migrations.Value;

    public ModelSnapshot? ModelSnapshot => _snapshot.Value;

    public Assembly Assembly => Owner.Assembly;

    public string? FindMigrationId(string nameOrId) =>
        Migrations.Keys.Where(idGenerator.IsValidId(nameOrId)
                ? id => string.Equals(id, nameOrId, StringComparison.OrdinalIgnoreCase)
                : id => string.Equals(idGenerator.GetName(id), nameOrId, StringComparison.OrdinalIgnoreCase))
            .FirstOrDefault();

    public Migration CreateMigration(TypeInfo migrationClass, string activeProvider)
    {
        var migration = (Migration)Activator.CreateInstance(migrationClass.AsType())!;
        migration.ActiveProvider = activeProvider;
        return migration;
    }
}
