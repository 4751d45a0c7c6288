using System.Security.Claims;

namespace AssistantPortal.Features.Access;

/// <summary>
/// Who is asking: a signed-in user (or nobody), and the link token they arrived with, if any
/// (SPEC §2.1 row 10). A link only counts on the request that carries it.
/// </summary>
public sealed record Viewer(string? UserId, string? LinkToken = null)
{
    public static Viewer Anonymous { get; } = new(null, null);

    public bool IsSignedIn => UserId is not null;

    /// <summary>
    /// The claim a page reached through a link adds to its own copy of the principal, so that every
    /// command its components run resolves with the link (SPEC §2.1 row 10). It is never issued in a
    /// cookie: it lives only in the circuit of the page that carries the link.
    /// </summary>
    public const string LinkTokenClaim = "assistantportal:link-token";

    /// <summary>
    /// The viewer behind a principal; anonymous when it is not authenticated. Without an explicit
    /// <paramref name="linkToken"/>, a <see cref="LinkTokenClaim"/> on the principal is used.
    /// </summary>
    public static Viewer From(ClaimsPrincipal principal, string? linkToken = null) =>
        new(principal.Identity?.IsAuthenticated == true ? principal.FindFirstValue(ClaimTypes.NameIdentifier) : null,
            linkToken ?? principal.FindFirstValue(LinkTokenClaim));
}
