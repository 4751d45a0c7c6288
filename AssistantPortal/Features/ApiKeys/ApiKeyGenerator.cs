using System.Security.Cryptography;
using System.Text;
using AssistantPortal.Features.Access;

namespace AssistantPortal.Features.ApiKeys;

/// <summary>A freshly made key: the secret (shown once, never stored), its display prefix and its hash.</summary>
public sealed record GeneratedApiKey(string Secret, string DisplayPrefix, byte[] Hash);

/// <summary>
/// Makes and recognizes API keys (SPEC §5 last item): <c>ap_</c> followed by 256 bits of cryptographic
/// randomness in base64url. Only the SHA-256 hash and the first <see cref="DisplayPrefixLength"/>
/// characters are stored: the prefix reveals 42 random bits of 256, enough to tell keys apart and
/// never enough to use one.
/// </summary>
public static class ApiKeyGenerator
{
    /// <summary>The fixed, recognizable start of every key (secret scanners can look for it).</summary>
    public const string Prefix = "ap_";

    /// <summary>How many leading characters of a key are stored and shown.</summary>
    public const int DisplayPrefixLength = 10;

    private const int RandomBytes = 32;

    /// <summary>43 base64url characters encode 32 bytes without padding.</summary>
    public const int KeyLength = 3 + 43;

    public static GeneratedApiKey Generate()
    {
        var secret = Prefix + LinkTokens.Base64UrlEncode(RandomNumberGenerator.GetBytes(RandomBytes));
        return new GeneratedApiKey(secret, secret[..DisplayPrefixLength], Hash(secret));
    }

    /// <summary>SHA-256 of the whole key, as stored in <see cref="Data.ApiKey.Hash"/>.</summary>
    public static byte[] Hash(string key) => SHA256.HashData(Encoding.ASCII.GetBytes(key));

    /// <summary>Could this be a key at all? Refuses malformed input before any database lookup.</summary>
    public static bool IsWellFormed(string? key) =>
        key is { Length: KeyLength } &&
        key.StartsWith(Prefix, StringComparison.Ordinal) &&
        key.AsSpan(Prefix.Length).ContainsAnyExcept(Base64UrlAlphabet) is false;

    private static readonly System.Buffers.SearchValues<char> Base64UrlAlphabet =
        System.Buffers.SearchValues.Create("ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_");
}
