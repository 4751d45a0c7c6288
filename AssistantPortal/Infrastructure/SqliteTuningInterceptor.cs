using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore.Diagnostics;
using SQLitePCL;

namespace AssistantPortal.Infrastructure;

/// <summary>
/// Per-connection SQLite settings for a busy server: with write-ahead logging, <c>synchronous=NORMAL</c>
/// is still safe against corruption and only syncs at checkpoints; a larger page cache, memory-mapped
/// reads and in-memory temporary b-trees (the ORDER BY of a list page) save system calls on every query.
/// A busy timeout lets SQLite itself wait for another writer's lock (sleeping 1, 2, 5, 10 ms and so on, and
/// taking the lock as soon as it is free); without it Microsoft.Data.Sqlite retries a locked statement after
/// a fixed 150 ms sleep, so two concurrent writes cost the second one at least 150 ms.
/// </summary>
/// <remarks>
/// The settings belong to the native connection, which the pool keeps open across many contexts, so
/// they are applied once per native handle rather than on every open.
/// </remarks>
public sealed class SqliteTuningInterceptor : DbConnectionInterceptor
{
    public static SqliteTuningInterceptor Instance { get; } = new();

    private const string Pragmas =
        "PRAGMA synchronous=NORMAL; PRAGMA cache_size=-32000; PRAGMA mmap_size=268435456; PRAGMA temp_store=MEMORY; PRAGMA busy_timeout=30000;";

    private readonly ConditionalWeakTable<sqlite3, object> _tuned = [];

    public override void ConnectionOpened(DbConnection connection, ConnectionEndEventData eventData)
    {
        if (NeedsTuning(connection))
        {
            using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            command.ExecuteNonQuery();
        }
    }

    public override async Task ConnectionOpenedAsync(DbConnection connection, ConnectionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        if (NeedsTuning(connection))
        {
            await using var command = connection.CreateCommand();
            command.CommandText = Pragmas;
            await command.ExecuteNonQueryAsync(cancellationToken);
        }
    }

    private bool NeedsTuning(DbConnection connection) =>
        connection is SqliteConnection { Handle: { } handle } && _tuned.TryAdd(handle, Pragmas);
}
