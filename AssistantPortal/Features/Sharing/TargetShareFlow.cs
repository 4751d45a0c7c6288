using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Approvals;
using AssistantPortal.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Sharing;

/// <summary>
/// What sharing with a team and sharing with an organization have in common (SPEC §4.2, §4.3): a new share
/// or a raise takes effect at once for those who may approve it, and goes to review for everyone else.
/// </summary>
public sealed class TargetShareFlow(TargetGrantWriter writer, INotificationEvents notificationEvents, IAccessChangeEvents accessEvents)
{
    /// <summary>
    /// Grants or requests <paramref name="level"/> for <paramref name="target"/> on behalf of the viewer of
    /// <paramref name="access"/>, saves once and publishes. A pending request for the same target is refused.
    /// One transaction holds the grant (or request), its audit entry and the members' notifications and emails.
    /// </summary>
    public async Task<SharingResult> ShareOrRequestAsync(ApplicationDbContext db, AssistantAccess access, ShareTarget target, AccessLevel level,
        CancellationToken cancellationToken)
    {
        if (await SharingRules.HasPendingRequestAsync(db, access.AssistantId, target, cancellationToken))
        {
            return SharingResult.Fail(SharingField.Target, SharingRules.DuplicateRequestMessage(target));
        }
        var actor = await SharingRules.ActorAsync(db, access.ViewerId!, cancellationToken);
        var assistant = await SharingRules.AssistantAsync(db, access.AssistantId, cancellationToken);
        var immediate = await ShareApprovers.CanDecideAsync(db, actor.Id, access.ViewerRole, target.Kind, target.Id, cancellationToken);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var told = immediate
            ? await writer.GrantAsync(db, actor, assistant, target, level, actor.Id, cancellationToken)
            : await writer.RequestAsync(db, actor, assistant, target, level, cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique indexes allow one grant and one pending request per target: someone was a moment faster.
            return SharingResult.Fail(SharingField.Target, immediate
                ? $"{char.ToUpperInvariant(target.Describe()[0])}{target.Describe()[1..]} already has access: change its level in the list below."
                : SharingRules.DuplicateRequestMessage(target));
        }
        await transaction.CommitAsync(cancellationToken);
        notificationEvents.Publish(told);
        // Also for a request: open Access tabs show it as pending review.
        accessEvents.PublishAssistant(assistant.Id);
        return SharingResult.Done(immediate ? SharingOutcome.Granted : SharingOutcome.PendingReview);
    }
}
