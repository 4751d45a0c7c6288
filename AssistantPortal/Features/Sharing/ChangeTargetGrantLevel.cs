using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Sharing;

/// <summary>
/// Changes the level of a team or organization grant (SPEC §4.2, §4.3). Raising follows the rule of a new
/// share (immediate for an approver, otherwise a request for review, and the grant keeps its level until
/// approved); lowering is immediate.
/// </summary>
public sealed class ChangeTargetGrantLevel(
    IDbContextFactory<ApplicationDbContext> dbFactory, AssistantAuthorizer authorizer, IAuditLog audit, TargetShareFlow flow,
    IAccessChangeEvents accessEvents)
{
    public async Task<SharingResult> ExecuteAsync(ClaimsPrincipal user, int assistantId, ShareTargetKind kind, int grantId, AccessLevel level,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var access = await authorizer.AuthorizeOrThrowAsync(db, user, assistantId, AssistantOperations.Share, cancellationToken);
        var (grant, target) = await TargetGrants.FindAsync(db, assistantId, kind, grantId, cancellationToken);
        if (grant is null)
        {
            return SharingResult.Fail(SharingField.Existing, "That access no longer exists.");
        }
        if (SharingRules.LevelError(access, level) is { } levelError)
        {
            return SharingResult.Fail(SharingField.Level, levelError);
        }
        var current = grant.Level;
        if (current == level)
        {
            return SharingResult.Done(SharingOutcome.Unchanged);
        }
        if (level > current)
        {
            var raised = await flow.ShareOrRequestAsync(db, access, target!, level, cancellationToken);
            return raised.Outcome == SharingOutcome.Granted ? SharingResult.Done(SharingOutcome.Changed) : raised;
        }

        var actor = await SharingRules.ActorAsync(db, access.ViewerId!, cancellationToken);
        var assistant = await SharingRules.AssistantAsync(db, assistantId, cancellationToken);
        grant.Level = level;
        audit.Add(db, kind == ShareTargetKind.Team ? AuditAction.TeamGrantChanged : AuditAction.OrganizationGrantChanged,
            actor.Id, actor.Name, assistant.Id, assistant.Name, target!.Describe(), $"{current.DisplayName()} → {level.DisplayName()}");
        await db.SaveChangesAsync(cancellationToken);
        accessEvents.PublishAssistant(assistantId);
        return SharingResult.Done(SharingOutcome.Changed);
    }
}
