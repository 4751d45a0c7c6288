using AssistantPortal.Data;
using Microsoft.EntityFrameworkCore;
using AssistantPortal.Infrastructure;

namespace AssistantPortal.Features.Email;

/// <summary>
/// Wakes the <see cref="OutboxSender"/> so new mail goes out at once instead of at its next poll. Several
/// signals before the sender wakes count as one.
/// </summary>
public sealed class OutboxSignal : WakeUpSignal;

/// <summary>
/// Signals the <see cref="OutboxSignal"/> after a SaveChanges that added outbox rows has been committed, so the
/// features that enqueue mail need no extra call. With an explicit transaction the signal waits for its commit
/// (a sender woken earlier would not see the rows yet).
/// </summary>
public sealed class OutboxSignalInterceptor(OutboxSignal signal) : AfterCommitInterceptor<object>
{
    private static readonly object NewMail = new();

    protected override object? Collect(DbContext context, object? pending) =>
        context.ChangeTracker.Entries<OutboxMessage>().Any(e => e.State == EntityState.Added) ? NewMail : pending;

    protected override void Committed(object state) => signal.Notify();

    /// <summary>
    /// Outbox rows were written by SQL outside SaveChanges (a set-based fan-out), which this interceptor cannot see:
    /// the sender is woken at the commit of the context's transaction, or at once without one.
    /// </summary>
    public void MailWritten(DbContext context) => Expect(context, _ => NewMail);
}
