using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Assistants;
using AssistantPortal.Features.Audit;
using AssistantPortal.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Admin.Aliases;

/// <summary>
/// Deletes an alias. Assistants that use it are moved to "default" in the same transaction (the page
/// says how many before asking): refusing instead would leave an admin, who may not edit those
/// assistants, unable to retire an endpoint. The audit entry records how many moved.
/// </summary>
public sealed class DeleteModelAlias(IDbContextFactory<ApplicationDbContext> dbFactory, IAuditLog audit)
{
    public async Task<CommandResult> ExecuteAsync(ClaimsPrincipal user, int aliasId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var actor = await ModelAliasRules.AdminAsync(db, user, cancellationToken);
        var alias = actor is null ? null : await db.ChatModelAliases.FirstOrDefaultAsync(a => a.Id == aliasId, cancellationToken);
        if (actor is null || alias is null)
        {
            return CommandResult.NotFound();
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var moved = await db.Assistants.Where(a => a.ModelAlias == alias.Name)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ModelAlias, ModelAliases.Default), cancellationToken);
        db.ChatModelAliases.Remove(alias);
        audit.Add(db, AuditAction.ModelAliasDeleted, actor.Id, actor.Name, null, null, alias.Name,
            $"Endpoint {alias.Endpoint}, model {alias.Model}; {moved} assistant(s) moved to \"{ModelAliases.Default}\".");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return CommandResult.Ok();
    }
}
