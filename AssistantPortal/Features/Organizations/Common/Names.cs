using AssistantPortal.Data.Configurations;

namespace AssistantPortal.Features.Organizations;

/// <summary>
/// The rule for organization, team and project names: trimmed, not empty, at most 100 characters.
/// A decision: uniqueness ignores case ("contoso" is taken when "Contoso" exists); the code checks
/// that, and the database's unique index catches an exact duplicate created by a concurrent request.
/// </summary>
public static class Names
{
    public const int MaxLength = Lengths.Name;

    /// <summary>The message for a bad name, or null when <paramref name="name"/> is fine.</summary>
    public static string? Validate(string? name, string what)
    {
        var trimmed = name?.Trim() ?? "";
        if (trimmed.Length == 0)
        {
            return $"Enter a name for the {what}.";
        }
        return trimmed.Length > MaxLength ? $"The {what} name can be at most {MaxLength} characters." : null;
    }
}
