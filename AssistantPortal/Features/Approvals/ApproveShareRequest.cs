using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Sharing;

namespace AssistantPortal.Features.Approvals;

/// <summary>
/// Approves a share request (SPEC §4.2, §7): exactly as if it had been immediate — the grant is given in the
/// requester's name and every member is told — and the requester is told. An existing grant is only raised,
/// never lowered, by an approval.
/// </summary>
public sealed class ApproveShareRequest(ShareRequestDecision decision, TargetGrantWriter writer)
{
    public Task<SharingResult> ExecuteAsync(ClaimsPrincipal user, int requestId, CancellationToken cancellationToken = default) =>
        decision.DecideAsync(user, requestId, ShareRequestStatus.Approved,
            (db, actor, request) => writer.GrantAsync(db, actor, request.Assistant, request.Target, request.Level, request.Requester.UserId, cancellationToken),
            cancellationToken);
}
