using System.Security.Cryptography;
using System.Text;
using AssistantPortal.Features.ApiKeys;

namespace AssistantPortal.Features.Api;

/// <summary>How the HTTP API's rate limiter tells callers apart.</summary>
public static class ApiRateLimit
{
    /// <summary>
    /// The partition of a request: a digest of the presented key (so unknown keys are limited too, and
    /// the key itself is not kept), or the client address when no key was sent.
    /// </summary>
    public static string Partition(HttpContext context)
    {
        var key = ApiKeyCredentials.Read(context.Request.Headers);
        return key is null
            ? "ip:" + context.Connection.RemoteIpAddress
            : "key:" + Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)), 0, 16);
    }
}
