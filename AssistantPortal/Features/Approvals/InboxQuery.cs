using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Approvals;

/// <summary>One request in the Inbox (SPEC §7).</summary>
public sealed record InboxItem(int RequestId, int AssistantId, string AssistantName, string RequestedBy, ShareTargetKind Kind, string TargetName,
    AccessLevel Level, DateTime RequestedAt);

/// <summary>
/// The pending share requests the viewer may decide, evaluated when asked (a right lost since is a request
/// gone). A request whose assistant was deleted went with it (cascade).
/// </summary>
public sealed class InboxQuery(IDbContextFactory<ApplicationDbContext> dbFactory, IAccessResolver resolver)
{
    public async Task<IReadOnlyList<InboxItem>> ExecuteAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var userId = Viewer.From(user).UserId;
        if (userId is null)
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var role = await resolver.GetGlobalRoleAsync(db, userId, cancellationToken);
        return await ShareApprovers.Decidable(db, userId, role)
            .OrderBy(r => r.RequestedAt).ThenBy(r => r.Id)
            .Select(r => new InboxItem(r.Id, r.AssistantId, r.Assistant.Name, r.RequestedBy.UserName!, r.TargetKind,
                r.TargetKind == ShareTargetKind.Team ? r.Team!.Name + " (" + r.Team.Organization.Name + ")" : r.Organization!.Name,
                r.RequestedLevel, r.RequestedAt))
            .ToListAsync(cancellationToken);
    }
}
