namespace AssistantPortal.Infrastructure;

/// <summary>
/// Wakes a background worker so new work starts at once instead of at its next poll. Several signals before
/// the worker wakes count as one. Each worker has its own sealed subclass, so DI keeps them apart.
/// </summary>
public abstract class WakeUpSignal
{
    private readonly SemaphoreSlim _semaphore = new(0, 1);
    private readonly Lock _gate = new();

    /// <summary>There is work (call after it is committed).</summary>
    public void Notify()
    {
        lock (_gate)
        {
            if (_semaphore.CurrentCount == 0)
            {
                _semaphore.Release();
            }
        }
    }

    /// <summary>Waits for a signal or until <paramref name="timeout"/>; true when signalled.</summary>
    public Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken) =>
        _semaphore.WaitAsync(timeout < TimeSpan.Zero ? TimeSpan.Zero : timeout, cancellationToken);
}
