using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Audit;
using AssistantPortal.Features.Chat;
using AssistantPortal.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Admin.Aliases;

/// <summary>
/// Changes an alias. An empty key keeps the stored one; a rename moves the assistants that use the alias
/// along, so none of them silently falls back to offline. Every change is audited (never the key itself).
/// </summary>
public sealed class UpdateModelAlias(
    IDbContextFactory<ApplicationDbContext> dbFactory, ModelAliasKeys keys, IAuditLog audit, TimeProvider clock)
{
    public const string ChangedMeanwhile = "Someone else changed this alias meanwhile; reload the page and try again.";

    public async Task<CommandResult> ExecuteAsync(ClaimsPrincipal user, int aliasId, ModelAliasInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var actor = await ModelAliasRules.AdminAsync(db, user, cancellationToken);
        var alias = actor is null ? null : await db.ChatModelAliases.FirstOrDefaultAsync(a => a.Id == aliasId, cancellationToken);
        if (actor is null || alias is null)
        {
            return CommandResult.NotFound();
        }
        if (input.ExpectedVersion is { } expected && expected != alias.Version)
        {
            return CommandResult.Invalid("", ChangedMeanwhile);
        }
        var errors = await ModelAliasRules.ValidateAsync(db, input, exceptId: aliasId, cancellationToken);
        if (errors.Any)
        {
            return ModelAliasRules.Invalid(errors);
        }

        var changes = new List<string>();
        var oldName = alias.Name;
        if (alias.Name != input.Name)
        {
            changes.Add($"renamed from \"{alias.Name}\"");
            alias.Name = input.Name;
        }
        if (alias.Endpoint != input.Endpoint)
        {
            changes.Add($"endpoint {alias.Endpoint} → {input.Endpoint}");
            alias.Endpoint = input.Endpoint;
        }
        if (alias.Model != input.Model)
        {
            changes.Add($"model {alias.Model} → {input.Model}");
            alias.Model = input.Model;
        }
        if (input.ApiKey is not null)
        {
            changes.Add(alias.ProtectedApiKey is null ? "API key set" : "API key replaced");
            alias.ProtectedApiKey = keys.Protect(input.ApiKey);
        }
        else if (input.RemoveApiKey && alias.ProtectedApiKey is not null)
        {
            changes.Add("API key removed");
            alias.ProtectedApiKey = null;
        }
        if (changes.Count == 0)
        {
            return CommandResult.Ok(alias.Id);
        }
        alias.Version++;
        alias.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        audit.Add(db, AuditAction.ModelAliasChanged, actor.Id, actor.Name, null, null, alias.Name, Capitalize(string.Join("; ", changes)) + ".");

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateConcurrencyException)
        {
            return CommandResult.Invalid("", ChangedMeanwhile);
        }
        catch (DbUpdateException e) when (ModelAliasRules.IsDuplicateName(e))
        {
            return CommandResult.Invalid(nameof(ModelAliasInput.Name), ModelAliasRules.DuplicateName(input.Name));
        }
        if (oldName != alias.Name)
        {
            await db.Assistants.Where(a => a.ModelAlias == oldName)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.ModelAlias, alias.Name), cancellationToken);
        }
        await transaction.CommitAsync(cancellationToken);
        return CommandResult.Ok(alias.Id);
    }

    private static string Capitalize(string text) => text.Length == 0 ? text : char.ToUpperInvariant(text[0]) + text[1..];
}
