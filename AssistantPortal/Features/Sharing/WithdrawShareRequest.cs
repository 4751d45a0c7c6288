using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Sharing;

/// <summary>
/// The requester takes back a pending share request (SPEC §4.2). Like a decision it is a conditional
/// update from Pending, so a withdrawal racing an approval gives exactly one outcome.
/// </summary>
public sealed class WithdrawShareRequest(
    IDbContextFactory<ApplicationDbContext> dbFactory, AssistantAuthorizer authorizer, IAuditLog audit, IAccessChangeEvents accessEvents,
    TimeProvider clock)
{
    public async Task<SharingResult> ExecuteAsync(ClaimsPrincipal user, int assistantId, int requestId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var access = await authorizer.AuthorizeOrThrowAsync(db, user, assistantId, AssistantOperations.Share, cancellationToken);
        var request = await db.ShareRequests
            .Where(r => r.Id == requestId && r.AssistantId == assistantId && r.Status == ShareRequestStatus.Pending)
            .Select(r => new { r.RequestedByUserId, r.RequestedLevel, Team = r.Team!.Name, Organization = r.Organization!.Name, r.TargetKind })
            .FirstOrDefaultAsync(cancellationToken);
        if (request is null)
        {
            return SharingResult.Fail(SharingField.Existing, "That request was already decided or withdrawn.");
        }
        if (request.RequestedByUserId != access.ViewerId)
        {
            return SharingResult.Fail(SharingField.Existing, "Only the person who asked can withdraw a request.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.ShareRequests
            .Where(r => r.Id == requestId && r.Status == ShareRequestStatus.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, ShareRequestStatus.Withdrawn)
                .SetProperty(r => r.DecidedByUserId, access.ViewerId)
                .SetProperty(r => r.DecidedAt, now), cancellationToken);
        if (changed == 0)
        {
            return SharingResult.Fail(SharingField.Existing, "That request was already decided or withdrawn.");
        }
        var actor = await SharingRules.ActorAsync(db, access.ViewerId!, cancellationToken);
        var assistant = await SharingRules.AssistantAsync(db, assistantId, cancellationToken);
        var target = request.TargetKind == ShareTargetKind.Team ? $"the team \"{request.Team}\"" : $"the organization \"{request.Organization}\"";
        audit.Add(db, AuditAction.ShareRequestWithdrawn, actor.Id, actor.Name, assistant.Id, assistant.Name, target, request.RequestedLevel.DisplayName());
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        accessEvents.PublishAssistant(assistantId);
        return SharingResult.Done(SharingOutcome.Withdrawn);
    }
}
