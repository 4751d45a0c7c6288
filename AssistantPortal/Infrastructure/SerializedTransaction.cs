using System.Data;
using AssistantPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace AssistantPortal.Infrastructure;

/// <summary>
/// A transaction that runs one after the other with every other transaction of the same <c>name</c>, deciding on
/// what the one before it committed: two Global Admins stepping down at once cannot both pass the "last Global
/// Admin" check.
/// </summary>
public static class SerializedTransaction
{
    /// <summary>
    /// On SQLite, a serializable transaction is <c>BEGIN IMMEDIATE</c>: the database's one write lock is taken
    /// before anything is read. On PostgreSQL, a serializable transaction would instead fail one of the two at
    /// commit (SQLSTATE 40001), so this takes a transaction-scoped advisory lock keyed by <paramref name="name"/>
    /// first; it is released at commit or rollback.
    /// </summary>
    public static async Task<IDbContextTransaction> BeginAsync(ApplicationDbContext db, string name, CancellationToken cancellationToken = default)
    {
        if (!db.Database.IsNpgsql())
        {
            return await db.Database.BeginTransactionAsync(IsolationLevel.Serializable, cancellationToken);
        }
        var transaction = await db.Database.BeginTransactionAsync(IsolationLevel.ReadCommitted, cancellationToken);
        await db.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtext({name}))", cancellationToken);
        return transaction;
    }
}
