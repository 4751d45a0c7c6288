using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Sharing;

namespace AssistantPortal.Features.Approvals;

/// <summary>Deletes (declines) a share request (SPEC §4.2, §7): nothing is granted and the requester is told.</summary>
public sealed class DeleteShareRequest(ShareRequestDecision decision)
{
    public Task<SharingResult> ExecuteAsync(ClaimsPrincipal user, int requestId, CancellationToken cancellationToken = default) =>
        decision.DecideAsync(user, requestId, ShareRequestStatus.Deleted,
            (_, _, _) => Task.FromResult<IReadOnlyList<string>>([]), cancellationToken);
}
