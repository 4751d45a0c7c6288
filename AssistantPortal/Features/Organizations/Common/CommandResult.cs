namespace AssistantPortal.Features.Organizations;

/// <summary>How a membership command ended.</summary>
public enum CommandStatus
{
    Succeeded = 0,
    /// <summary>Bad input: <see cref="CommandResult.Errors"/> says what, per field; nothing changed.</summary>
    Invalid = 1,
    /// <summary>The thing does not exist, or the actor may not see it (the two are never told apart).</summary>
    NotFound = 2,
    /// <summary>The actor sees the thing but may not make this change; nothing changed.</summary>
    Forbidden = 3,
    /// <summary>
    /// Allowed, but with a consequence the actor must accept first (<see cref="CommandResult.Errors"/>[""] says
    /// which); nothing changed. Running the command again with confirmation carries it out.
    /// </summary>
    NeedsConfirmation = 4,
}

/// <summary>
/// The answer of a membership command: success (with the id of what it created), or messages keyed by
/// the form field they belong next to ("" for the form as a whole).
/// </summary>
public sealed record CommandResult(CommandStatus Status, IReadOnlyDictionary<string, string> Errors, int? CreatedId = null)
{
    private static readonly IReadOnlyDictionary<string, string> NoErrors = new Dictionary<string, string>();

    public bool Succeeded => Status == CommandStatus.Succeeded;

    public static CommandResult Ok(int? createdId = null) => new(CommandStatus.Succeeded, NoErrors, createdId);

    public static CommandResult Invalid(string field, string message) =>
        new(CommandStatus.Invalid, new Dictionary<string, string> { [field] = message });

    public static CommandResult NotFound() =>
        new(CommandStatus.NotFound, new Dictionary<string, string> { [""] = "Not found." });

    public static CommandResult Forbidden(string message) =>
        new(CommandStatus.Forbidden, new Dictionary<string, string> { [""] = message });

    public static CommandResult NeedsConfirmation(string warning) =>
        new(CommandStatus.NeedsConfirmation, new Dictionary<string, string> { [""] = warning });

    /// <summary>The message for <paramref name="field"/>, or null.</summary>
    public string? ErrorFor(string field) => Errors.TryGetValue(field, out var message) ? message : null;
}

/// <summary>Names of the fields that messages are keyed by.</summary>
public static class Fields
{
    public const string Name = "Name";
    public const string User = "User";
    public const string Team = "Team";
    public const string Organization = "Organization";
    public const string Role = "Role";
}
