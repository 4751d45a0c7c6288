using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Links;

/// <summary>
/// What the public-access section shows. A token is filled in only for a viewer allowed to hand that
/// link out (view link: Read and write; edit link: Owner level), so it is never sent to anyone else.
/// </summary>
public sealed record PublicAccessState(
    PublicAccess PublicAccess, string? TeamName, bool ViewLinkHandedOut, string? ViewLinkToken, bool EditLinkHandedOut, string? EditLinkToken)
{
    /// <summary>The assistant is within a team (its project belongs to one), so the Team option applies.</summary>
    public bool IsWithinTeam => TeamName is not null;
}

/// <summary>Reads the public-access state for viewers who may see the configuration (Read only and up).</summary>
public sealed class GetPublicAccess(IDbContextFactory<ApplicationDbContext> dbFactory, AssistantAuthorizer authorizer)
{
    public async Task<PublicAccessState> ExecuteAsync(ClaimsPrincipal user, int assistantId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var access = await authorizer.AuthorizeOrThrowAsync(db, user, assistantId, AssistantOperations.View, cancellationToken);
        var facts = await db.Assistants.AsNoTracking().Where(a => a.Id == assistantId)
            .Select(a => new { a.PublicAccess, TeamName = a.Project!.Team!.Name, a.ViewLinkToken, a.EditLinkToken })
            .FirstAsync(cancellationToken);
        var mayViewLink = AssistantPermissions.Allows(access, AssistantOperations.ManagePublicAccess);
        var mayEditLink = AssistantPermissions.Allows(access, AssistantOperations.SensitiveChange);
        return new PublicAccessState(
            facts.PublicAccess, facts.TeamName,
            facts.ViewLinkToken is not null, mayViewLink ? facts.ViewLinkToken : null,
            facts.EditLinkToken is not null, mayEditLink ? facts.EditLinkToken : null);
    }
}
