using System.Collections.Concurrent;

namespace AssistantPortal.Features.ApiKeys;

/// <summary>
/// Keys the <see cref="ApiKeyValidator"/> found valid in the last <see cref="Lifetime"/>, by hash, so a busy
/// client does not cost a database lookup on every request. Only valid keys are kept (unknown keys are always
/// looked up, so guessing cannot fill the cache). A key is immutable apart from "last used", so the only change
/// that matters is deletion: <see cref="DeleteApiKey"/> and deleting an assistant (whose keys go with it) forget
/// the affected entries after their commit, and a lookup that raced with such a deletion is not cached.
/// </summary>
/// <remarks>
/// Decision: entries live 10 seconds. "Last used" is written on a cache miss, i.e. at most every 10 seconds per
/// key, within the validator's one-minute resolution anyway.
/// </remarks>
public sealed class ApiKeyCache(TimeProvider clock)
{
    public static readonly TimeSpan Lifetime = TimeSpan.FromSeconds(10);

    private readonly ConcurrentDictionary<string, (ApiKeyIdentity Identity, DateTimeOffset Expires)> _entries = new();
    private long _generation;

    /// <summary>Read before a lookup and passed to <see cref="Add"/>: a deletion in between keeps the result out.</summary>
    public long Generation => Interlocked.Read(ref _generation);

    public bool TryGet(byte[] hash, out ApiKeyIdentity identity)
    {
        if (_entries.TryGetValue(Convert.ToBase64String(hash), out var entry) && entry.Expires > clock.GetUtcNow())
        {
            identity = entry.Identity;
            return true;
        }
        identity = null!;
        return false;
    }

    public void Add(byte[] hash, ApiKeyIdentity identity, long generation)
    {
        var key = Convert.ToBase64String(hash);
        _entries[key] = (identity, clock.GetUtcNow() + Lifetime);
        if (Generation != generation)
        {
            // A deletion ran while this key was being looked up: it may be the one deleted.
            _entries.TryRemove(key, out _);
        }
    }

    /// <summary>Forgets a deleted key (call after the deletion is committed).</summary>
    public void ForgetKey(int keyId) => Forget(e => e.KeyId == keyId);

    /// <summary>Forgets the keys of a deleted assistant (call after the deletion is committed).</summary>
    public void ForgetAssistant(int assistantId) => Forget(e => e.AssistantId == assistantId);

    private void Forget(Func<ApiKeyIdentity, bool> match)
    {
        Interlocked.Increment(ref _generation);
        foreach (var (key, entry) in _entries)
        {
            if (match(entry.Identity) || entry.Expires <= clock.GetUtcNow())
            {
                _entries.TryRemove(key, out _);
            }
        }
    }
}
