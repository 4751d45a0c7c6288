using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Sharing;

/// <summary>Removes a team or organization grant at once (SPEC §4.2, §4.3): no review is needed to take access away.</summary>
public sealed class RemoveTargetGrant(
    IDbContextFactory<ApplicationDbContext> dbFactory, AssistantAuthorizer authorizer, IAuditLog audit, IAccessChangeEvents accessEvents)
{
    public async Task<SharingResult> ExecuteAsync(ClaimsPrincipal user, int assistantId, ShareTargetKind kind, int grantId,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var access = await authorizer.AuthorizeOrThrowAsync(db, user, assistantId, AssistantOperations.Share, cancellationToken);
        var (grant, target) = await TargetGrants.FindAsync(db, assistantId, kind, grantId, cancellationToken);
        if (grant is null)
        {
            return SharingResult.Fail(SharingField.Existing, "That access no longer exists.");
        }
        var actor = await SharingRules.ActorAsync(db, access.ViewerId!, cancellationToken);
        var assistant = await SharingRules.AssistantAsync(db, assistantId, cancellationToken);
        db.Remove(grant.Entity);
        audit.Add(db, kind == ShareTargetKind.Team ? AuditAction.TeamGrantRemoved : AuditAction.OrganizationGrantRemoved,
            actor.Id, actor.Name, assistant.Id, assistant.Name, target!.Describe(), grant.Level.DisplayName());
        await db.SaveChangesAsync(cancellationToken);
        accessEvents.PublishAssistant(assistantId);
        return SharingResult.Done(SharingOutcome.Removed);
    }
}
