using System.Collections.Concurrent;
using AssistantPortal.Data;
using AssistantPortal.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Api;

/// <summary>
/// The configurations <c>GET /api/v1/assistants/{id}</c> answered in the last <see cref="Lifetime"/>, so a busy client
/// costs no database query per request. Every save of this app that changes or deletes an assistant forgets it once
/// committed (<see cref="AssistantConfigurationInvalidator"/>), and a query that raced with such a save is not kept, so
/// a change shows on the next request. The lifetime bounds what a change made outside this process could leave behind.
/// </summary>
/// <remarks>Decision: 5 seconds, like the API key cache a short bound rather than a staleness anyone would notice.</remarks>
public sealed class AssistantConfigurationCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(5);

    private readonly ConcurrentDictionary<int, (AssistantConfiguration Configuration, DateTimeOffset Expires)> _entries = new();
    private long _generation;

    /// <summary>Read before the query and passed to <see cref="Add"/>: a change committed in between keeps the result out.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public bool TryGet(int assistantId, out AssistantConfiguration configuration)
    {
        if (_entries.TryGetValue(assistantId, out var entry) && entry.Expires > clock.GetUtcNow())
        {
            configuration = entry.Configuration;
            return true;
        }
        configuration = null!;
        return false;
    }

    public void Add(AssistantConfiguration configuration, long generation)
    {
        _entries[configuration.Id] = (configuration, clock.GetUtcNow() + Lifetime);
        if (Generation != generation)
        {
            // An assistant changed while this one was read: it may be this one.
            _entries.TryRemove(configuration.Id, out _);
        }
    }

    /// <summary>Forgets changed or deleted assistants (call after the change is committed).</summary>
    public void Forget(IEnumerable<int> assistantIds)
    {
        Interlocked.Increment(ref _generation);
        foreach (var id in assistantIds)
        {
            _entries.TryRemove(id, out _);
        }
    }
}

/// <summary>Tells the <see cref="AssistantConfigurationCache"/> which assistants a committed save changed or deleted.</summary>
public sealed class AssistantConfigurationInvalidator(AssistantConfigurationCache cache) : AfterCommitInterceptor<HashSet<int>>
{
    protected override HashSet<int>? Collect(DbContext context, HashSet<int>? pending)
    {
        foreach (var entry in context.ChangeTracker.Entries<Assistant>())
        {
            if (entry.State is EntityState.Modified or EntityState.Deleted)
            {
                (pending ??= []).Add(entry.Entity.Id);
            }
        }
        return pending;
    }

    protected override void Committed(HashSet<int> state) => cache.Forget(state);
}
