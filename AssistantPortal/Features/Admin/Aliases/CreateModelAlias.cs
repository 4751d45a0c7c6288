using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Audit;
using AssistantPortal.Features.Chat;
using AssistantPortal.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Admin.Aliases;

/// <summary>Adds an OpenAI-compatible model alias (Global Admins and Application Admins), its key protected, and audits it.</summary>
public sealed class CreateModelAlias(
    IDbContextFactory<ApplicationDbContext> dbFactory, ModelAliasKeys keys, IAuditLog audit, TimeProvider clock)
{
    public async Task<CommandResult> ExecuteAsync(ClaimsPrincipal user, ModelAliasInput input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var actor = await ModelAliasRules.AdminAsync(db, user, cancellationToken);
        if (actor is null)
        {
            return CommandResult.NotFound();
        }
        var errors = await ModelAliasRules.ValidateAsync(db, input, exceptId: null, cancellationToken);
        if (errors.Any)
        {
            return ModelAliasRules.Invalid(errors);
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var alias = new ChatModelAlias
        {
            Name = input.Name,
            Endpoint = input.Endpoint,
            Model = input.Model,
            ProtectedApiKey = input.ApiKey is null ? null : keys.Protect(input.ApiKey),
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.ChatModelAliases.Add(alias);
        audit.Add(db, AuditAction.ModelAliasCreated, actor.Id, actor.Name, null, null, alias.Name,
            $"Endpoint {alias.Endpoint}, model {alias.Model}, API key {(alias.ProtectedApiKey is null ? "not set" : "set")}.");
        try
        {
            await db.SaveChangesAsync(cancellationToken);
        }
        catch (DbUpdateException e) when (ModelAliasRules.IsDuplicateName(e))
        {
            // Another admin saved the same name between the check and the save.
            return CommandResult.Invalid(nameof(ModelAliasInput.Name), ModelAliasRules.DuplicateName(input.Name));
        }
        return CommandResult.Ok(alias.Id);
    }
}
