using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.ApiKeys;

/// <summary>One row of the API keys list: nothing secret (SPEC §4.4).</summary>
public sealed record ApiKeyRow(
    int Id, string Name, AccessLevel Level, string DisplayPrefix, string? CreatedBy, DateTime CreatedAt, DateTime? LastUsedAt);

/// <summary>The keys of one assistant, newest first, for viewers who may see the configuration (Read only and up).</summary>
public sealed class ListApiKeys(IDbContextFactory<ApplicationDbContext> dbFactory, AssistantAuthorizer authorizer)
{
    public async Task<IReadOnlyList<ApiKeyRow>> ExecuteAsync(ClaimsPrincipal user, int assistantId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await authorizer.AuthorizeOrThrowAsync(db, user, assistantId, AssistantOperations.View, cancellationToken);
        return await db.ApiKeys.AsNoTracking()
            .Where(k => k.AssistantId == assistantId)
            .OrderByDescending(k => k.CreatedAt).ThenByDescending(k => k.Id)
            .Select(k => new ApiKeyRow(k.Id, k.Name, k.Level, k.DisplayPrefix, k.CreatedBy!.UserName, k.CreatedAt, k.LastUsedAt))
            .ToListAsync(cancellationToken);
    }
}
