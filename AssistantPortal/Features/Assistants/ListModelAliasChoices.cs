using AssistantPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Assistants;

/// <summary>A chat engine an assistant can pick in its Settings tab.</summary>
public sealed record ModelAliasChoice(string Name, string Description);

/// <summary>
/// The model aliases an assistant can choose from (SPEC §9 "Aliases"): the built-in ones, then the
/// admin panel's, by name. Names and models only: endpoints and keys stay in the admin panel.
/// </summary>
public sealed class ListModelAliasChoices(IDbContextFactory<ApplicationDbContext> dbFactory)
{
    public async Task<IReadOnlyList<ModelAliasChoice>> ExecuteAsync(CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var stored = await db.ChatModelAliases.AsNoTracking().OrderBy(a => a.Name)
            .Select(a => new ModelAliasChoice(a.Name, a.Model)).ToListAsync(cancellationToken);
        return
        [
            new(ModelAliases.Default, "the configured endpoint, or offline"),
            new(ModelAliases.Offline, "built-in retrieval engine"),
            .. stored,
        ];
    }

    /// <summary>Is <paramref name="name"/> (normalized) a built-in alias or one stored now?</summary>
    public static async Task<bool> ExistsAsync(ApplicationDbContext db, string name, CancellationToken cancellationToken = default) =>
        ModelAliases.IsBuiltIn(name) || await db.ChatModelAliases.AnyAsync(a => a.Name == name, cancellationToken);
}
