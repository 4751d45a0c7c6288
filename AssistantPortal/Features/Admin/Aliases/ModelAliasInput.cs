using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Data.Configurations;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Assistants;
using AssistantPortal.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Admin.Aliases;

/// <summary>The alias form: name, OpenAI-compatible endpoint, model and (write-only) API key.</summary>
public sealed class ModelAliasInput
{
    [Required(ErrorMessage = ModelAliasRules.EnterName)]
    [StringLength(ModelAliasLimits.Name, ErrorMessage = "The name can be at most {1} characters long.")]
    [RegularExpression(ModelAliasRules.NamePattern, ErrorMessage = ModelAliasRules.NameCharacters)]
    public string Name { get; set; } = "";

    [Required(ErrorMessage = ModelAliasRules.EnterEndpoint)]
    [StringLength(ModelAliasLimits.Endpoint, ErrorMessage = "The endpoint address can be at most {1} characters long.")]
    public string Endpoint { get; set; } = "";

    [Required(ErrorMessage = ModelAliasRules.EnterModel)]
    [StringLength(ModelAliasLimits.Model, ErrorMessage = "The model name can be at most {1} characters long.")]
    public string Model { get; set; } = "";

    /// <summary>A new API key; empty keeps the stored one (or none, for a new alias).</summary>
    [StringLength(ModelAliasLimits.ApiKey, ErrorMessage = "The API key can be at most {1} characters long.")]
    public string? ApiKey { get; set; }

    /// <summary>Forget the stored key (for endpoints that need none); ignored when a new key is given.</summary>
    public bool RemoveApiKey { get; set; }

    /// <summary>The version the form was opened on; an update refuses when the alias changed since.</summary>
    public int? ExpectedVersion { get; set; }
}

/// <summary>The checks of an alias form, shared by create and update, with the messages the form shows.</summary>
public static class ModelAliasRules
{
    public const string EnterName = "Enter a name.";
    public const string NamePattern = "^[A-Za-z0-9][A-Za-z0-9._-]*$";
    public const string NameCharacters = "Use letters, digits, dots, dashes and underscores, starting with a letter or digit.";
    public const string EnterEndpoint = "Enter the endpoint address.";
    public const string MalformedEndpoint = "Enter an absolute http:// or https:// address, for example https://api.openai.com/v1.";
    public const string EnterModel = "Enter the model name.";

    public static string BuiltInName(string name) => $"\"{name}\" is a built-in alias; choose another name.";

    public static string DuplicateName(string name) => $"An alias named \"{name}\" already exists.";

    /// <summary>
    /// Normalizes <paramref name="input"/> (trimmed; the name in lower case, as assistants store it) and
    /// returns every message, including the duplicate check against other aliases than <paramref name="exceptId"/>.
    /// </summary>
    public static async Task<FieldErrors> ValidateAsync(ApplicationDbContext db, ModelAliasInput input, int? exceptId, CancellationToken cancellationToken)
    {
        input.Name = ModelAliases.Normalize(input.Name);
        input.Endpoint = input.Endpoint?.Trim() ?? "";
        input.Model = input.Model?.Trim() ?? "";
        input.ApiKey = string.IsNullOrWhiteSpace(input.ApiKey) ? null : input.ApiKey.Trim();

        var errors = FieldErrors.Validate(input);
        if (input.Endpoint.Length > 0 && !IsHttpAddress(input.Endpoint))
        {
            errors.Add(nameof(ModelAliasInput.Endpoint), MalformedEndpoint);
        }
        if (ModelAliases.IsBuiltIn(input.Name))
        {
            errors.Add(nameof(ModelAliasInput.Name), BuiltInName(input.Name));
        }
        else if (input.Name.Length > 0 && await db.ChatModelAliases.AnyAsync(a => a.Name == input.Name && a.Id != exceptId, cancellationToken))
        {
            errors.Add(nameof(ModelAliasInput.Name), DuplicateName(input.Name));
        }
        return errors;
    }

    public static bool IsHttpAddress(string address) =>
        Uri.TryCreate(address, UriKind.Absolute, out var uri)
        && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps)
        && !string.IsNullOrEmpty(uri.Host);

    /// <summary>The signed-in actor when their role (read from the database now) opens the Aliases section; otherwise null.</summary>
    public static async Task<Actor?> AdminAsync(ApplicationDbContext db, ClaimsPrincipal user, CancellationToken cancellationToken)
    {
        var actor = await Actor.LoadAsync(db, user, cancellationToken);
        return actor is not null && GlobalRoles.AdminSections(actor.Role).HasFlag(AdminSection.Aliases) ? actor : null;
    }

    /// <summary>The first message per field, as the Organizations commands report them.</summary>
    public static CommandResult Invalid(FieldErrors errors) =>
        new(CommandStatus.Invalid, errors.ToDictionary().ToDictionary(e => e.Key, e => e.Value[0]));

    /// <summary>Is this the unique index on the name refusing a concurrent duplicate?</summary>
    public static bool IsDuplicateName(DbUpdateException e) =>
        e.InnerException?.Message.Contains("UNIQUE", StringComparison.OrdinalIgnoreCase) == true
        || e.InnerException?.Message.Contains("duplicate key", StringComparison.OrdinalIgnoreCase) == true;
}
