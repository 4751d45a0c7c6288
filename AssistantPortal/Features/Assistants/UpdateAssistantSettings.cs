using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Data.Configurations;
using AssistantPortal.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Assistants;

/// <summary>The settings of SPEC §8.3 that the Settings tab shows and edits.</summary>
public sealed record AssistantSettings(int Id, string Name, string Description, string Instructions, DateTime UpdatedAt,
    string ModelAlias = ModelAliases.Default, double Temperature = 0.2, int MaxPassages = 3);

/// <summary>
/// The built-in chat-model aliases (SPEC §8.1, §9), which always exist and are not stored:
/// <see cref="Default"/> is the endpoint of the "Chat" configuration section when there is one, otherwise
/// the offline engine; <see cref="Offline"/> is always the built-in retrieval engine. Admins add further
/// aliases (OpenAI-compatible endpoints) in the admin panel; see <see cref="ListModelAliasChoices"/>.
/// </summary>
public static class ModelAliases
{
    public const string Default = "default";
    public const string Offline = "offline";

    public static IReadOnlyList<string> BuiltIn { get; } = [Default, Offline];

    public static bool IsBuiltIn(string? name) => BuiltIn.Contains(Normalize(name));

    /// <summary>Alias names are compared trimmed and in lower case; this is the form they are stored in.</summary>
    public static string Normalize(string? name) => (name ?? "").Trim().ToLowerInvariant();
}

/// <summary>Reads an assistant's settings for a viewer allowed to see its configuration (Read only and up).</summary>
public sealed class GetAssistantSettings(IDbContextFactory<ApplicationDbContext> dbFactory, AssistantAuthorizer authorizer)
{
    public async Task<AssistantSettings> ExecuteAsync(ClaimsPrincipal user, int assistantId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await authorizer.AuthorizeOrThrowAsync(db, user, assistantId, AssistantOperations.View, cancellationToken);
        return await db.Assistants.Where(a => a.Id == assistantId)
            .Select(a => new AssistantSettings(a.Id, a.Name, a.Description, a.Instructions, a.UpdatedAt, a.ModelAlias, a.Temperature, a.MaxPassages))
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new AssistantNotFoundException(assistantId);
    }
}

/// <summary>
/// Changes name, description and instructions (SPEC §2: Read and write and up). Settings are not an
/// access change, so nothing goes to the audit log (SPEC §9); open pages are told so they show the new name.
/// </summary>
public sealed class UpdateAssistantSettings(
    IDbContextFactory<ApplicationDbContext> dbFactory,
    AssistantAuthorizer authorizer,
    IAccessChangeEvents accessEvents,
    TimeProvider clock)
{
    public const string UnknownAliasMessage = "Choose a chat engine from the list.";

    public sealed class Input : AssistantNameInput
    {
        [StringLength(Lengths.Instructions, ErrorMessage = "The instructions can be at most {1} characters long.")]
        public string Instructions { get; set; } = "";

        /// <summary>A built-in alias or one from the admin panel; checked against the database on save.</summary>
        public string ModelAlias { get; set; } = ModelAliases.Default;

        [Range(0.0, 2.0, ErrorMessage = "The temperature must be between {1} and {2}.")]
        public double Temperature { get; set; } = 0.2;

        [Range(1, 10, ErrorMessage = "Quote from {1} to {2} passages.")]
        public int MaxPassages { get; set; } = 3;

        public static Input From(AssistantSettings settings) =>
            new()
            {
                Name = settings.Name, Description = settings.Description, Instructions = settings.Instructions,
                ModelAlias = settings.ModelAlias, Temperature = settings.Temperature, MaxPassages = settings.MaxPassages,
            };
    }

    /// <summary>
    /// Saves the settings, or returns the field errors and changes nothing. Throws
    /// <see cref="AssistantNotFoundException"/> for a viewer below Read and write.
    /// </summary>
    public async Task<CommandResult<AssistantSettings>> ExecuteAsync(
        ClaimsPrincipal user, int assistantId, Input input, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // Authorize before validating: a viewer who may not edit learns nothing, not even what is wrong.
        await authorizer.AuthorizeOrThrowAsync(db, user, assistantId, AssistantOperations.Edit, cancellationToken);

        input.Name = input.Name?.Trim() ?? "";
        input.Description = input.Description?.Trim() ?? "";
        input.Instructions = input.Instructions ?? "";
        input.ModelAlias = ModelAliases.Normalize(input.ModelAlias);
        var errors = FieldErrors.Validate(input);
        if (!await ListModelAliasChoices.ExistsAsync(db, input.ModelAlias, cancellationToken))
        {
            errors.Add(nameof(Input.ModelAlias), UnknownAliasMessage);
        }
        if (errors.Any)
        {
            return CommandResult<AssistantSettings>.Invalid(errors.ToDictionary());
        }

        var assistant = await db.Assistants.FirstOrDefaultAsync(a => a.Id == assistantId, cancellationToken)
            ?? throw new AssistantNotFoundException(assistantId);
        assistant.Name = input.Name;
        assistant.Description = input.Description;
        assistant.Instructions = input.Instructions;
        assistant.ModelAlias = input.ModelAlias;
        assistant.Temperature = input.Temperature;
        assistant.MaxPassages = input.MaxPassages;
        assistant.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        accessEvents.PublishAssistant(assistantId);
        return CommandResult<AssistantSettings>.Success(
            new AssistantSettings(assistant.Id, assistant.Name, assistant.Description, assistant.Instructions, assistant.UpdatedAt,
                assistant.ModelAlias, assistant.Temperature, assistant.MaxPassages));
    }
}
