using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Audit;
using AssistantPortal.Features.Email;
using AssistantPortal.Features.Notifications;
using AssistantPortal.Features.Sharing;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Approvals;

/// <summary>
/// What approving and deleting a share request share (SPEC §7): re-authorization at the click, and one
/// conditional update <c>WHERE Status = Pending</c> inside a transaction, so of two concurrent decisions
/// exactly one changes the row and the other is told the request was already decided.
/// </summary>
public sealed class ShareRequestDecision(
    IDbContextFactory<ApplicationDbContext> dbFactory, IAccessResolver resolver, IAuditLog audit, SharingMessages messages,
    INotificationEvents notificationEvents, IAccessChangeEvents accessEvents, TimeProvider clock)
{
    public const string AlreadyDecided = "This request was already decided, withdrawn or no longer exists.";
    public const string NotAllowed = "You may no longer decide this request.";

    /// <summary>A pending request as the decision needs it.</summary>
    public sealed record Pending(int Id, AssistantRef Assistant, ShareTarget Target, AccessLevel Level, Recipient Requester, string RequesterName);

    /// <summary>
    /// Decides request <paramref name="requestId"/> as <paramref name="user"/>: <paramref name="apply"/> adds what the
    /// decision does to the context (and returns the users it told); then audit, the requester's notification
    /// and email, one SaveChanges, commit, publish.
    /// </summary>
    public async Task<SharingResult> DecideAsync(ClaimsPrincipal user, int requestId, ShareRequestStatus status,
        Func<ApplicationDbContext, Actor, Pending, Task<IReadOnlyList<string>>> apply, CancellationToken cancellationToken)
    {
        var userId = Viewer.From(user).UserId;
        if (userId is null)
        {
            return SharingResult.Fail(SharingField.Existing, NotAllowed);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var request = await db.ShareRequests.Where(r => r.Id == requestId && r.Status == ShareRequestStatus.Pending)
            .Select(r => new
            {
                r.Id, r.AssistantId, AssistantName = r.Assistant.Name, r.TargetKind, r.TeamId, r.OrganizationId,
                TeamName = r.Team!.Name, TeamOrganizationId = (int?)r.Team.OrganizationId, OrganizationName = r.Organization!.Name,
                r.RequestedLevel, r.RequestedByUserId, RequesterName = r.RequestedBy.UserName, RequesterEmail = r.RequestedBy.Email,
            })
            .FirstOrDefaultAsync(cancellationToken);
        if (request is null)
        {
            return SharingResult.Fail(SharingField.Existing, AlreadyDecided);
        }
        var target = request.TargetKind == ShareTargetKind.Team
            ? new ShareTarget(ShareTargetKind.Team, request.TeamId!.Value, request.TeamName, request.TeamOrganizationId!.Value)
            : new ShareTarget(ShareTargetKind.Organization, request.OrganizationId!.Value, request.OrganizationName, request.OrganizationId.Value);
        var role = await resolver.GetGlobalRoleAsync(db, userId, cancellationToken);
        if (!await ShareApprovers.CanDecideAsync(db, userId, role, target.Kind, target.Id, cancellationToken))
        {
            return SharingResult.Fail(SharingField.Existing, NotAllowed);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var now = clock.GetUtcNow().UtcDateTime;
        var changed = await db.ShareRequests
            .Where(r => r.Id == requestId && r.Status == ShareRequestStatus.Pending)
            .ExecuteUpdateAsync(s => s
                .SetProperty(r => r.Status, status)
                .SetProperty(r => r.DecidedByUserId, userId)
                .SetProperty(r => r.DecidedAt, now), cancellationToken);
        if (changed == 0)
        {
            return SharingResult.Fail(SharingField.Existing, AlreadyDecided);
        }

        var actor = await SharingRules.ActorAsync(db, userId, cancellationToken);
        var pending = new Pending(request.Id, new AssistantRef(request.AssistantId, request.AssistantName), target, request.RequestedLevel,
            new Recipient(request.RequestedByUserId, request.RequesterEmail), request.RequesterName ?? "");
        var approved = status == ShareRequestStatus.Approved;
        audit.Add(db, approved ? AuditAction.ShareRequestApproved : AuditAction.ShareRequestDeleted, actor.Id, actor.Name,
            pending.Assistant.Id, pending.Assistant.Name, target.Describe(), $"{request.RequestedLevel.DisplayName()}, asked by {pending.RequesterName}");
        var told = (await apply(db, actor, pending)).ToList();

        var description = target.Describe();
        var link = SharingMessages.AssistantLink(pending.Assistant.Id);
        var absolute = messages.Absolute(link);
        var assistantName = pending.Assistant.Name;
        if (pending.Requester.UserId != actor.Id)
        {
            messages.Notify(db, pending.Requester, approved ? NotificationKind.RequestApproved : NotificationKind.RequestDeleted,
                approved
                    ? $"{actor.Name} approved sharing \"{assistantName}\" with {description}."
                    : $"{actor.Name} deleted your request to share \"{assistantName}\" with {description}. Nothing was shared.",
                link, pending.Assistant.Id,
                to => approved
                    ? EmailTemplates.RequestApproved(to, actor.Name, assistantName, description, absolute)
                    : EmailTemplates.RequestDeleted(to, actor.Name, assistantName, description, absolute));
            told.Add(pending.Requester.UserId);
        }
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);

        notificationEvents.Publish(told);
        // Also for a deletion: open Access tabs drop the pending request.
        accessEvents.PublishAssistant(pending.Assistant.Id);
        return SharingResult.Done(approved ? SharingOutcome.Approved : SharingOutcome.Deleted);
    }
}
