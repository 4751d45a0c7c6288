using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Sharing;

/// <summary>
/// Changes the level of a user grant (SPEC §4.1). Immediate either way; the sharer can never grant above
/// their own level. A change is audited but not notified: SPEC §6 tells people when something is shared.
/// </summary>
public sealed class ChangeUserGrantLevel(
    IDbContextFactory<ApplicationDbContext> dbFactory, AssistantAuthorizer authorizer, IAuditLog audit, IAccessChangeEvents accessEvents)
{
    public async Task<SharingResult> ExecuteAsync(ClaimsPrincipal user, int assistantId, int grantId, AccessLevel level,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var access = await authorizer.AuthorizeOrThrowAsync(db, user, assistantId, AssistantOperations.Share, cancellationToken);
        var grant = await db.AssistantUserGrants.Include(g => g.User)
            .FirstOrDefaultAsync(g => g.Id == grantId && g.AssistantId == assistantId, cancellationToken);
        if (grant is null)
        {
            return SharingResult.Fail(SharingField.Existing, "That access no longer exists.");
        }
        if (SharingRules.LevelError(access, level) is { } levelError)
        {
            return SharingResult.Fail(SharingField.Level, levelError);
        }
        if (grant.Level == level)
        {
            return SharingResult.Done(SharingOutcome.Unchanged);
        }
        var actor = await SharingRules.ActorAsync(db, access.ViewerId!, cancellationToken);
        var assistant = await SharingRules.AssistantAsync(db, assistantId, cancellationToken);
        audit.Add(db, AuditAction.UserGrantChanged, actor.Id, actor.Name, assistant.Id, assistant.Name, grant.User.UserName,
            $"{grant.Level.DisplayName()} → {level.DisplayName()}");
        grant.Level = level;
        await db.SaveChangesAsync(cancellationToken);
        accessEvents.PublishAssistant(assistantId);
        return SharingResult.Done(SharingOutcome.Changed);
    }
}
