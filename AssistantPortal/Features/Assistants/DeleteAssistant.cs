using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.ApiKeys;
using AssistantPortal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Assistants;

/// <summary>
/// Deletes an assistant (SPEC §2: Owner level only). Its grants, share requests, API keys and
/// notifications go with it (cascades); the audit entry stays, holding the name.
/// </summary>
public sealed class DeleteAssistant(
    IDbContextFactory<ApplicationDbContext> dbFactory,
    AssistantAuthorizer authorizer,
    IAuditLog audit,
    IAccessChangeEvents accessEvents,
    ApiKeyCache keyCache)
{
    /// <summary>Throws <see cref="AssistantNotFoundException"/> for a viewer below Owner level.</summary>
    public async Task ExecuteAsync(ClaimsPrincipal user, int assistantId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var access = await authorizer.AuthorizeOrThrowAsync(db, user, assistantId, AssistantOperations.Delete, cancellationToken);
        var assistant = await db.Assistants.FirstOrDefaultAsync(a => a.Id == assistantId, cancellationToken)
            ?? throw new AssistantNotFoundException(assistantId);
        var actorName = await db.Users.Where(u => u.Id == access.ViewerId).Select(u => u.UserName).FirstOrDefaultAsync(cancellationToken);

        db.Assistants.Remove(assistant);
        audit.Add(db, AuditAction.AssistantDeleted, access.ViewerId, actorName ?? access.ViewerId ?? "", assistant.Id, assistant.Name, null, "Deleted");
        await db.SaveChangesAsync(cancellationToken);
        // Its keys went with it (cascade): the API must refuse them at once, not when the cache entry expires.
        keyCache.ForgetAssistant(assistantId);
        accessEvents.PublishAssistant(assistantId);
    }
}
