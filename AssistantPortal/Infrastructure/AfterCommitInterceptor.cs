using System.Data.Common;
using System.Runtime.CompilerServices;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Diagnostics;

namespace AssistantPortal.Infrastructure;

/// <summary>
/// Runs something once a SaveChanges is committed: at once for a plain SaveChanges, at the commit of an explicit
/// transaction, never when it rolls back or the save fails. Used to wake in-process listeners (the mail sender,
/// open tabs) only when what they will read is really there.
/// </summary>
/// <typeparam name="TState">What a save collected for <see cref="Committed"/> (accumulated across the saves of one transaction).</typeparam>
public abstract class AfterCommitInterceptor<TState> : SaveChangesInterceptor, IDbTransactionInterceptor where TState : class
{
    /// <summary>
    /// What each context collected, with the context's lease: a pooled context is handed out again, and whatever an
    /// earlier lease left behind (a transaction disposed without commit or rollback) must not fire for the next one.
    /// </summary>
    private readonly ConditionalWeakTable<DbContext, Pending> _pending = [];

    private sealed record Pending(int Lease, TState State);

    /// <summary>Looks at the entries about to be saved; returns the state to act on after the commit, or null for nothing.</summary>
    protected abstract TState? Collect(DbContext context, TState? pending);

    /// <summary>Acts on what was committed.</summary>
    protected abstract void Committed(TState state);

    /// <summary>
    /// For rows written outside SaveChanges (raw SQL): <see cref="Committed"/> runs at the commit of the context's
    /// current transaction (nothing at a rollback), or at once when there is none (the statement committed itself).
    /// </summary>
    /// <param name="context">The context whose transaction wrote the rows.</param>
    /// <param name="merge">Combines what earlier saves of the transaction collected (or null) with this write.</param>
    protected void Expect(DbContext context, Func<TState?, TState> merge)
    {
        var state = merge(Current(context));
        if (context.Database.CurrentTransaction is null)
        {
            _pending.Remove(context);
            Committed(state);
            return;
        }
        _pending.AddOrUpdate(context, new Pending(context.ContextId.Lease, state));
    }

    public override InterceptionResult<int> SavingChanges(DbContextEventData eventData, InterceptionResult<int> result)
    {
        Remember(eventData.Context);
        return result;
    }

    public override ValueTask<InterceptionResult<int>> SavingChangesAsync(DbContextEventData eventData, InterceptionResult<int> result,
        CancellationToken cancellationToken = default)
    {
        Remember(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override int SavedChanges(SaveChangesCompletedEventData eventData, int result)
    {
        CompleteUnlessInTransaction(eventData.Context);
        return result;
    }

    public override ValueTask<int> SavedChangesAsync(SaveChangesCompletedEventData eventData, int result,
        CancellationToken cancellationToken = default)
    {
        CompleteUnlessInTransaction(eventData.Context);
        return ValueTask.FromResult(result);
    }

    public override void SaveChangesFailed(DbContextErrorEventData eventData) => Forget(eventData.Context);

    public override Task SaveChangesFailedAsync(DbContextErrorEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    // The transaction is still the context's current one while these run, but its rows are committed (or gone).
    public void TransactionCommitted(DbTransaction transaction, TransactionEndEventData eventData) => Complete(eventData.Context);

    public Task TransactionCommittedAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Complete(eventData.Context);
        return Task.CompletedTask;
    }

    public void TransactionRolledBack(DbTransaction transaction, TransactionEndEventData eventData) => Forget(eventData.Context);

    public Task TransactionRolledBackAsync(DbTransaction transaction, TransactionEndEventData eventData, CancellationToken cancellationToken = default)
    {
        Forget(eventData.Context);
        return Task.CompletedTask;
    }

    private void Remember(DbContext? context)
    {
        if (context is null)
        {
            return;
        }
        var state = Collect(context, Current(context));
        if (state is not null)
        {
            _pending.AddOrUpdate(context, new Pending(context.ContextId.Lease, state));
        }
    }

    private void CompleteUnlessInTransaction(DbContext? context)
    {
        if (context?.Database.CurrentTransaction is null)
        {
            Complete(context);
        }
    }

    private void Complete(DbContext? context)
    {
        if (context is not null && Current(context) is { } state && _pending.Remove(context))
        {
            Committed(state);
        }
    }

    private TState? Current(DbContext context) =>
        _pending.TryGetValue(context, out var pending) && pending.Lease == context.ContextId.Lease ? pending.State : null;

    private void Forget(DbContext? context)
    {
        if (context is not null)
        {
            _pending.Remove(context);
        }
    }
}
