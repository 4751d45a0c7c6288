using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Links;

/// <summary>What a visit through a link leads to.</summary>
public enum LinkOutcome
{
    /// <summary>Unknown, malformed, reset or closed link: the same answer as a page that does not exist.</summary>
    NotFound = 0,
    /// <summary>The link works for signed-in people only and the visitor is anonymous.</summary>
    SignIn = 1,
    /// <summary>The visitor may chat here (view link).</summary>
    Chat = 2,
    /// <summary>The visitor is signed in and holds a working edit link: the assistant page, with Read and write.</summary>
    Edit = 3,
}

/// <summary>The outcome of <see cref="OpenLink"/>; the assistant's id and name only when the visitor may use it.</summary>
public sealed record LinkVisit(LinkOutcome Outcome, int AssistantId = 0, string? AssistantName = null)
{
    public static LinkVisit NotFound { get; } = new(LinkOutcome.NotFound);
    public static LinkVisit SignIn { get; } = new(LinkOutcome.SignIn);
}

/// <summary>
/// Decides what a visitor arriving at <c>/p/{token}</c> or <c>/embed/{token}</c> gets (SPEC §4.5, §5). The
/// level comes from the one resolver, with the token on the viewer; this class only chooses the page.
/// </summary>
/// <remarks>
/// Decisions where the spec is silent:
/// <list type="bullet">
/// <item>An anonymous visitor is sent to sign in only when signing in would make the link work (public
/// access Everyone signed in, or an edit link while links are open); otherwise the answer is not-found,
/// so a closed link tells nobody that the assistant exists.</item>
/// <item>A view link also works for a signed-in viewer who can use the assistant by another route (for
/// example a Team Viewer while public access is Team): the link page never shows less than the viewer has.</item>
/// <item>The widget (<c>embedded</c>) takes only the view link and only while public access is
/// Everyone: embedding is an Everyone feature, whatever the visitor's own access.</item>
/// </list>
/// </remarks>
public sealed class OpenLink(IDbContextFactory<ApplicationDbContext> dbFactory, IAccessResolver resolver)
{
    public async Task<LinkVisit> ExecuteAsync(
        ClaimsPrincipal user, string? token, bool embedded = false, CancellationToken cancellationToken = default)
    {
        if (!LinkTokens.IsWellFormed(token))
        {
            return LinkVisit.NotFound;
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var found = await db.Assistants.AsNoTracking()
            .Where(a => a.ViewLinkToken == token || a.EditLinkToken == token)
            .Select(a => new { a.Id, a.Name, a.PublicAccess, a.EditLinkToken })
            .FirstOrDefaultAsync(cancellationToken);
        if (found is null)
        {
            return LinkVisit.NotFound;
        }

        var viewer = Viewer.From(user, token);
        var access = await resolver.ResolveAsync(db, viewer, found.Id, cancellationToken);
        var link = access.Sources.FirstOrDefault(s => s.Kind == AccessSourceKind.Link);
        var linksOpen = found.PublicAccess is PublicAccess.EveryoneSignedIn or PublicAccess.Everyone;

        if (LinkTokens.Matches(found.EditLinkToken, token!))
        {
            // The edit link always requires signing in and is never a widget.
            return embedded ? LinkVisit.NotFound
                : link?.Level == AccessLevel.ReadWrite ? new LinkVisit(LinkOutcome.Edit, found.Id, found.Name)
                : !viewer.IsSignedIn && linksOpen ? LinkVisit.SignIn
                : LinkVisit.NotFound;
        }

        if (embedded)
        {
            return found.PublicAccess == PublicAccess.Everyone && link is not null
                ? new LinkVisit(LinkOutcome.Chat, found.Id, found.Name)
                : LinkVisit.NotFound;
        }
        return AssistantPermissions.Allows(access, AssistantOperations.Use) ? new LinkVisit(LinkOutcome.Chat, found.Id, found.Name)
            : !viewer.IsSignedIn && found.PublicAccess == PublicAccess.EveryoneSignedIn ? LinkVisit.SignIn
            : LinkVisit.NotFound;
    }
}
