using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Sharing;

/// <summary>Removes a user grant at once (SPEC §4.1); the user loses the access on their next request.</summary>
public sealed class RemoveUserGrant(
    IDbContextFactory<ApplicationDbContext> dbFactory, AssistantAuthorizer authorizer, IAuditLog audit, IAccessChangeEvents accessEvents)
{
    public async Task<SharingResult> ExecuteAsync(ClaimsPrincipal user, int assistantId, int grantId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var access = await authorizer.AuthorizeOrThrowAsync(db, user, assistantId, AssistantOperations.Share, cancellationToken);
        var grant = await db.AssistantUserGrants.Include(g => g.User)
            .FirstOrDefaultAsync(g => g.Id == grantId && g.AssistantId == assistantId, cancellationToken);
        if (grant is null)
        {
            return SharingResult.Fail(SharingField.Existing, "That access no longer exists.");
        }
        var actor = await SharingRules.ActorAsync(db, access.ViewerId!, cancellationToken);
        var assistant = await SharingRules.AssistantAsync(db, assistantId, cancellationToken);
        db.AssistantUserGrants.Remove(grant);
        audit.Add(db, AuditAction.UserGrantRemoved, actor.Id, actor.Name, assistant.Id, assistant.Name, grant.User.UserName, grant.Level.DisplayName());
        await db.SaveChangesAsync(cancellationToken);
        accessEvents.PublishAssistant(assistantId);
        return SharingResult.Done(SharingOutcome.Removed);
    }
}
