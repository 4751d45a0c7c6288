using Microsoft.Net.Http.Headers;

namespace AssistantPortal.Features.ApiKeys;

/// <summary>
/// Reads the API key a request presents (SPEC §5): <c>Authorization: Bearer KEY</c>, or <c>X-Api-Key: KEY</c>.
/// Never the query string: a key in a URL ends up in logs, histories and referrers.
/// </summary>
public static class ApiKeyCredentials
{
    public const string HeaderName = "X-Api-Key";

    /// <summary>The presented key, or null when the request carries none (or more than one).</summary>
    public static string? Read(IHeaderDictionary headers)
    {
        var authorization = headers[HeaderNames.Authorization];
        if (authorization.Count == 1 && authorization[0] is { } value &&
            value.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase))
        {
            return value["Bearer ".Length..].Trim();
        }
        var apiKey = headers[HeaderName];
        return apiKey.Count == 1 ? apiKey[0]?.Trim() : null;
    }
}
