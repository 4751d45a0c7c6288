using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.ApiKeys;

/// <summary>
/// Deletes an API key (SPEC §4.4). Needs <see cref="AssistantOperations.ManageKeys"/>. The validator's
/// cache forgets the key after the commit, so the key fails on its very next request.
/// </summary>
public sealed class DeleteApiKey(IDbContextFactory<ApplicationDbContext> dbFactory, AssistantAuthorizer authorizer, IAuditLog audit, ApiKeyCache keyCache)
{
    /// <summary>Deletes the key; false when it no longer exists on this assistant (e.g. deleted in another tab).</summary>
    public async Task<bool> ExecuteAsync(ClaimsPrincipal user, int assistantId, int keyId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var access = await authorizer.AuthorizeOrThrowAsync(db, user, assistantId, AssistantOperations.ManageKeys, cancellationToken);

        // Scoped to the assistant: a key id from another assistant is simply not found here.
        var key = await db.ApiKeys.Include(k => k.Assistant)
            .FirstOrDefaultAsync(k => k.Id == keyId && k.AssistantId == assistantId, cancellationToken);
        if (key is null)
        {
            return false;
        }
        db.ApiKeys.Remove(key);
        var actor = await db.Users.Where(u => u.Id == access.ViewerId).Select(u => u.UserName).FirstOrDefaultAsync(cancellationToken);
        audit.Add(db, AuditAction.ApiKeyDeleted, access.ViewerId, actor ?? "", assistantId, key.Assistant.Name, key.Name,
            $"{key.Level.DisplayName()} key {key.DisplayPrefix}…");
        await db.SaveChangesAsync(cancellationToken);
        keyCache.ForgetKey(key.Id);
        return true;
    }
}
