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

    /// <summary>The viewer behind a principal; anonymous when it is not authenticated.</summary>
    public static Viewer From(ClaimsPrincipal principal, string? linkToken = null) =>
        new(principal.Identity?.IsAuthenticated == true ? principal.FindFirstValue(ClaimTypes.NameIdentifier) : null, linkToken);
}
