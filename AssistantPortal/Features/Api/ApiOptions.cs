namespace AssistantPortal.Features.Api;

/// <summary>Configuration section "Api": the per-key rate limit of the HTTP API (SPEC §5).</summary>
public sealed class ApiOptions
{
    public const string Section = "Api";

    /// <summary>Requests one key may make per window; more get 429 with Retry-After.</summary>
    public int PermitsPerWindow { get; set; } = 120;

    /// <summary>Length of the fixed rate-limit window, in seconds.</summary>
    public int WindowSeconds { get; set; } = 60;

    /// <summary>The largest request body accepted, in bytes; larger ones get 413.</summary>
    public long MaxBodyBytes { get; set; } = 64 * 1024;
}
