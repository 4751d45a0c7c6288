using System.Security.Cryptography;
using System.Text;

namespace AssistantPortal.Features.Access;

/// <summary>Unguessable tokens for view and edit links (SPEC §4.5).</summary>
public static class LinkTokens
{
    /// <summary>A new token: 256 bits of cryptographic randomness, URL-safe.</summary>
    public static string Create() => Base64UrlEncode(RandomNumberGenerator.GetBytes(32));

    /// <summary>Does <paramref name="presented"/> equal the stored token? Compared in constant time.</summary>
    public static bool Matches(string? stored, string presented) =>
        stored is not null &&
        CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(stored), Encoding.ASCII.GetBytes(presented));

    /// <summary>Is this something a token could be (so a malformed one is refused before any lookup)?</summary>
    public static bool IsWellFormed(string? token) =>
        token is { Length: 43 } && token.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    internal static string Base64UrlEncode(byte[] bytes) =>
        Convert.ToBase64String(bytes).TrimEnd('=').Replace('+', '-').Replace('/', '_');
}
