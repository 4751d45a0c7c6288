using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Assistants;
using AssistantPortal.Features.Chat;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AssistantPortal.Features.Admin.Aliases;

/// <summary>
/// One row of the Aliases page. <see cref="Id"/> is null for the built-in aliases, which cannot be
/// edited. The key is never part of it: only whether one is set.
/// </summary>
public sealed record ModelAliasRow(
    int? Id, string Name, string Engine, string? Endpoint, string? Model, bool HasApiKey, int AssistantCount, DateTime? UpdatedAt, int Version = 0)
{
    public bool IsBuiltIn => Id is null;
}

/// <summary>The aliases for the admin page: built-in ones first, then the stored ones by name, with how many assistants use each.</summary>
public sealed class ListModelAliases(IDbContextFactory<ApplicationDbContext> dbFactory, IOptions<ChatEngineOptions> chatOptions)
{
    /// <summary>The rows, or null when the viewer may not open the Aliases section.</summary>
    public async Task<IReadOnlyList<ModelAliasRow>?> ExecuteAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (await ModelAliasRules.AdminAsync(db, user, cancellationToken) is null)
        {
            return null;
        }
        var usage = await db.Assistants.GroupBy(a => a.ModelAlias)
            .Select(g => new { Alias = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => g.Alias, g => g.Count, cancellationToken);
        var stored = await db.ChatModelAliases.AsNoTracking().OrderBy(a => a.Name)
            .Select(a => new { a.Id, a.Name, a.Endpoint, a.Model, HasApiKey = a.ProtectedApiKey != null, a.UpdatedAt, a.Version })
            .ToListAsync(cancellationToken);

        var configured = chatOptions.Value;
        var hasConfigured = !string.IsNullOrWhiteSpace(configured.Endpoint) && !string.IsNullOrWhiteSpace(configured.Model);
        int Used(string name) => usage.GetValueOrDefault(name);
        return
        [
            hasConfigured
                ? new ModelAliasRow(null, ModelAliases.Default, "OpenAI-compatible (from configuration)", configured.Endpoint, configured.Model,
                    !string.IsNullOrEmpty(configured.ApiKey), Used(ModelAliases.Default), null)
                : new ModelAliasRow(null, ModelAliases.Default, "Offline retrieval (no endpoint configured)", null, null, false, Used(ModelAliases.Default), null),
            new ModelAliasRow(null, ModelAliases.Offline, "Offline retrieval", null, null, false, Used(ModelAliases.Offline), null),
            .. stored.Select(a => new ModelAliasRow(a.Id, a.Name, "OpenAI-compatible", a.Endpoint, a.Model, a.HasApiKey, Used(a.Name), a.UpdatedAt, a.Version)),
        ];
    }
}
