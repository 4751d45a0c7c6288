using System.Security.Cryptography;
using AssistantPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.ApiKeys;

/// <summary>Who a valid key speaks for: one assistant, at the key's fixed level.</summary>
public sealed record ApiKeyIdentity(int KeyId, int AssistantId, AccessLevel Level, string Name, string DisplayPrefix);

/// <summary>
/// Checks a presented API key for the HTTP API (SPEC §5). Malformed keys are refused without a lookup;
/// others are found by their SHA-256 hash and compared in constant time. The key itself is never logged.
/// A key found valid is remembered for a few seconds in <see cref="ApiKeyCache"/> (when given), so a busy client
/// costs no lookup per request; deleting the key or its assistant forgets it at once.
/// </summary>
public sealed class ApiKeyValidator(IDbContextFactory<ApplicationDbContext> dbFactory, TimeProvider clock, ApiKeyCache? cache = null)
{
    /// <summary>
    /// "Last used" is written at most once per this interval per key, so a busy key does not cost a
    /// database write on every request; the list shows it to the minute.
    /// </summary>
    public static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    /// <summary>The identity behind <paramref name="presented"/>, or null for a missing, malformed, unknown or deleted key.</summary>
    public async Task<ApiKeyIdentity?> ValidateAsync(string? presented, CancellationToken cancellationToken = default)
    {
        if (!ApiKeyGenerator.IsWellFormed(presented))
        {
            return null;
        }
        var hash = ApiKeyGenerator.Hash(presented!);
        if (cache is not null && cache.TryGet(hash, out var cached))
        {
            return cached;
        }
        var generation = cache?.Generation ?? 0;
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var key = await db.ApiKeys.AsNoTracking()
            .Where(k => k.Hash == hash)
            .Select(k => new { k.Id, k.AssistantId, k.Level, k.Name, k.DisplayPrefix, k.Hash, k.LastUsedAt })
            .FirstOrDefaultAsync(cancellationToken);
        if (key is null || !CryptographicOperations.FixedTimeEquals(key.Hash, hash))
        {
            return null;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (key.LastUsedAt is null || now - key.LastUsedAt >= LastUsedResolution)
        {
            await db.ApiKeys.Where(k => k.Id == key.Id).ExecuteUpdateAsync(s => s.SetProperty(k => k.LastUsedAt, now), cancellationToken);
        }
        var identity = new ApiKeyIdentity(key.Id, key.AssistantId, key.Level, key.Name, key.DisplayPrefix);
        cache?.Add(hash, identity, generation);
        return identity;
    }
}
