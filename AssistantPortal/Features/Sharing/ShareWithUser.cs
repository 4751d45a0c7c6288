using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Audit;
using AssistantPortal.Features.Email;
using AssistantPortal.Features.Notifications;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Sharing;

/// <summary>Shares an assistant with one user; the grant is immediate and the user is told (SPEC §4.1).</summary>
public sealed class ShareWithUser(
    IDbContextFactory<ApplicationDbContext> dbFactory, AssistantAuthorizer authorizer, IAuditLog audit, SharingMessages messages,
    INotificationEvents notificationEvents, IAccessChangeEvents accessEvents, TimeProvider clock)
{
    public async Task<SharingResult> ExecuteAsync(ClaimsPrincipal user, int assistantId, string? userName, AccessLevel level,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var access = await authorizer.AuthorizeOrThrowAsync(db, user, assistantId, AssistantOperations.Share, cancellationToken);
        var (target, error) = await SharingRules.FindUserAsync(db, userName, cancellationToken);
        if (target is null)
        {
            return SharingResult.Fail(SharingField.Target, error!);
        }
        if (target.Id == access.ViewerId)
        {
            return SharingResult.Fail(SharingField.Target, "You cannot share with yourself.");
        }
        if (await db.Assistants.AnyAsync(a => a.Id == assistantId && a.OwnerId == target.Id, cancellationToken))
        {
            return SharingResult.Fail(SharingField.Target, $"{target.UserName} owns this assistant.");
        }
        if (SharingRules.LevelError(access, level) is { } levelError)
        {
            return SharingResult.Fail(SharingField.Level, levelError);
        }
        if (await db.AssistantUserGrants.AnyAsync(g => g.AssistantId == assistantId && g.UserId == target.Id, cancellationToken))
        {
            return SharingResult.Fail(SharingField.Target, $"{target.UserName} already has access: change the level in the list below.");
        }

        var actor = await SharingRules.ActorAsync(db, access.ViewerId!, cancellationToken);
        var assistant = await SharingRules.AssistantAsync(db, assistantId, cancellationToken);
        db.AssistantUserGrants.Add(new AssistantUserGrant
        {
            AssistantId = assistantId, UserId = target.Id, Level = level, GrantedByUserId = actor.Id, GrantedAt = clock.GetUtcNow().UtcDateTime,
        });
        audit.Add(db, AuditAction.UserGrantAdded, actor.Id, actor.Name, assistant.Id, assistant.Name, target.UserName, level.DisplayName());
        var link = SharingMessages.AssistantLink(assistantId);
        var absolute = messages.Absolute(link);
        messages.Notify(db, new Recipient(target.Id, target.Email), NotificationKind.SharedWithYou,
            $"{actor.Name} shared \"{assistant.Name}\" with you ({level.DisplayName()}).", link, assistantId,
            to => EmailTemplates.SharedWithYou(to, actor.Name, assistant.Name, level, null, absolute));
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // The unique index on (assistant, user): someone shared with the same person a moment ago.
            return SharingResult.Fail(SharingField.Target, $"{target.UserName} already has access: change the level in the list below.");
        }
        notificationEvents.Publish([target.Id]);
        accessEvents.PublishAssistant(assistantId);
        return SharingResult.Done(SharingOutcome.Granted);
    }
}
