using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Audit;
using AssistantPortal.Features.Email;
using AssistantPortal.Features.Sharing;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Organizations;

/// <summary>
/// What deleting a team or organization does to sharing: its grants on assistants go (one audit entry each,
/// as if removed on the Access tab), and its share requests go. A pending request is reported as deleted —
/// an audit entry, and the requester is told (notification and email, SPEC §6) that nothing was shared;
/// decided requests are history and leave with the target (the audit log keeps their story). Runs inside
/// the caller's transaction; the caller saves, commits and signals.
/// </summary>
public sealed class GroupAccessRemoval(IAuditLog audit, SharingMessages messages)
{
    /// <summary>What was removed: counts for the summary, and the assistants whose access changed.</summary>
    public sealed record Removed(int Grants, int PendingRequests, IReadOnlyList<int> AssistantIds);

    public async Task<Removed> RemoveAsync(ApplicationDbContext db, Actor actor, ShareTarget target)
    {
        var isTeam = target.Kind == ShareTargetKind.Team;
        var description = target.Describe();
        var grants = isTeam
            ? await db.AssistantTeamGrants.Where(g => g.TeamId == target.Id)
                .Select(g => new { g.AssistantId, AssistantName = g.Assistant.Name, g.Level }).ToListAsync()
            : await db.AssistantOrganizationGrants.Where(g => g.OrganizationId == target.Id)
                .Select(g => new { g.AssistantId, AssistantName = g.Assistant.Name, g.Level }).ToListAsync();
        foreach (var grant in grants)
        {
            audit.Add(db, isTeam ? AuditAction.TeamGrantRemoved : AuditAction.OrganizationGrantRemoved, actor.Id, actor.Name,
                grant.AssistantId, grant.AssistantName, description, $"{grant.Level.DisplayName()}; {TargetWord(target)} deleted");
        }

        var requests = db.ShareRequests.Where(r => isTeam ? r.TeamId == target.Id : r.OrganizationId == target.Id);
        var pending = await requests.Where(r => r.Status == ShareRequestStatus.Pending)
            .Select(r => new
            {
                r.AssistantId, AssistantName = r.Assistant.Name, r.RequestedLevel, r.RequestedByUserId,
                RequesterName = r.RequestedBy.UserName, RequesterEmail = r.RequestedBy.Email,
            })
            .ToListAsync();
        foreach (var request in pending)
        {
            audit.Add(db, AuditAction.ShareRequestDeleted, actor.Id, actor.Name, request.AssistantId, request.AssistantName, description,
                $"{request.RequestedLevel.DisplayName()}, asked by {request.RequesterName}; {TargetWord(target)} deleted");
            if (request.RequestedByUserId == actor.Id)
            {
                continue;
            }
            var link = SharingMessages.AssistantLink(request.AssistantId);
            var absolute = messages.Absolute(link);
            messages.Notify(db, new Recipient(request.RequestedByUserId, request.RequesterEmail), NotificationKind.RequestDeleted,
                $"Your request to share \"{request.AssistantName}\" with {description} was deleted: {actor.Name} deleted the " +
                $"{TargetWord(target)}. Nothing was shared.",
                link, request.AssistantId,
                to => EmailTemplates.RequestDeleted(to, actor.Name, request.AssistantName, description, absolute));
        }

        // Explicit rather than left to the foreign keys' cascade, so the same happens on every database.
        await requests.ExecuteDeleteAsync();
        if (isTeam)
        {
            await db.AssistantTeamGrants.Where(g => g.TeamId == target.Id).ExecuteDeleteAsync();
        }
        else
        {
            await db.AssistantOrganizationGrants.Where(g => g.OrganizationId == target.Id).ExecuteDeleteAsync();
        }
        return new Removed(grants.Count, pending.Count, grants.Select(g => g.AssistantId).Concat(pending.Select(r => r.AssistantId)).Distinct().ToList());
    }

    private static string TargetWord(ShareTarget target) => target.Kind == ShareTargetKind.Team ? "team" : "organization";
}
