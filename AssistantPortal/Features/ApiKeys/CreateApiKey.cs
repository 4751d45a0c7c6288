using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.ApiKeys;

/// <summary>A key just created: <see cref="Secret"/> is returned this once and is never stored or shown again.</summary>
public sealed record CreatedApiKey(int Id, string Name, AccessLevel Level, string DisplayPrefix, string Secret);

/// <summary>The outcome of <see cref="CreateApiKey"/>: the key, or which field was wrong and why (nothing changed).</summary>
public sealed record CreateApiKeyResult(CreatedApiKey? Key, string? Field = null, string? Error = null)
{
    public bool Succeeded => Key is not null;

    internal static CreateApiKeyResult Invalid(string field, string error) => new(null, field, error);
}

/// <summary>
/// Creates an API key on one assistant (SPEC §4.4). Needs <see cref="AssistantOperations.ManageKeys"/>;
/// the key's level is never above the creator's own and never Owner.
/// </summary>
public sealed class CreateApiKey(
    IDbContextFactory<ApplicationDbContext> dbFactory, AssistantAuthorizer authorizer, IAuditLog audit, TimeProvider clock)
{
    public const int MaxNameLength = 100;

    public async Task<CreateApiKeyResult> ExecuteAsync(
        ClaimsPrincipal user, int assistantId, string? name, AccessLevel level, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var access = await authorizer.AuthorizeOrThrowAsync(db, user, assistantId, AssistantOperations.ManageKeys, cancellationToken);

        name = name?.Trim() ?? "";
        if (name.Length == 0)
        {
            return CreateApiKeyResult.Invalid(nameof(ApiKey.Name), "Enter a name for the key.");
        }
        if (name.Length > MaxNameLength)
        {
            return CreateApiKeyResult.Invalid(nameof(ApiKey.Name), $"The name can be at most {MaxNameLength} characters.");
        }
        if (!level.IsGrantable() || level > AssistantPermissions.MaxGrantable(access))
        {
            return CreateApiKeyResult.Invalid(nameof(ApiKey.Level),
                $"A key can have at most {AssistantPermissions.MaxGrantable(access).DisplayName()} access.");
        }
        if (await db.ApiKeys.AnyAsync(k => k.AssistantId == assistantId && k.Name == name, cancellationToken))
        {
            return CreateApiKeyResult.Invalid(nameof(ApiKey.Name), "This assistant already has a key with that name.");
        }

        var generated = ApiKeyGenerator.Generate();
        var key = new ApiKey
        {
            AssistantId = assistantId,
            Name = name,
            Level = level,
            DisplayPrefix = generated.DisplayPrefix,
            Hash = generated.Hash,
            CreatedByUserId = access.ViewerId,
            CreatedAt = clock.GetUtcNow().UtcDateTime,
        };
        db.ApiKeys.Add(key);

        var actor = await db.Users.Where(u => u.Id == access.ViewerId).Select(u => u.UserName).FirstOrDefaultAsync(cancellationToken);
        var assistantName = await db.Assistants.Where(a => a.Id == assistantId).Select(a => a.Name).FirstAsync(cancellationToken);
        audit.Add(db, AuditAction.ApiKeyCreated, access.ViewerId, actor ?? "", assistantId, assistantName, name,
            $"{level.DisplayName()} key {generated.DisplayPrefix}…");

        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException)
        {
            // Two tabs creating the same name at once: the unique index decided; report it like the check above.
            if (await NameTakenAsync(assistantId, name, cancellationToken))
            {
                return CreateApiKeyResult.Invalid(nameof(ApiKey.Name), "This assistant already has a key with that name.");
            }
            throw;
        }
        return new CreateApiKeyResult(new CreatedApiKey(key.Id, name, level, generated.DisplayPrefix, generated.Secret));
    }

    private async Task<bool> NameTakenAsync(int assistantId, string name, CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        return await db.ApiKeys.AnyAsync(k => k.AssistantId == assistantId && k.Name == name, cancellationToken);
    }
}
