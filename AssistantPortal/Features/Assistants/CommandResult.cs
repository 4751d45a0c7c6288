namespace AssistantPortal.Features.Assistants;

/// <summary>
/// The outcome of a use case that validates its input: either it succeeded (with a value), or it
/// changed nothing and says, per field, what is wrong. Forms show each message next to its field.
/// </summary>
public sealed class CommandResult<T>
{
    private CommandResult(T? value, IReadOnlyDictionary<string, string[]> errors)
    {
        Value = value;
        Errors = errors;
    }

    public T? Value { get; }

    /// <summary>Messages keyed by the input property name they belong to.</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; }

    public bool Succeeded => Errors.Count == 0;

    public static CommandResult<T> Success(T value) => new(value, new Dictionary<string, string[]>());

    public static CommandResult<T> Invalid(IReadOnlyDictionary<string, string[]> errors) =>
        errors.Count == 0 ? throw new ArgumentException("An invalid result needs at least one error.", nameof(errors)) : new(default, errors);
}

/// <summary>Collects field messages: data-annotation results first, then the checks only the server can make.</summary>
public sealed class FieldErrors
{
    private readonly Dictionary<string, List<string>> _errors = [];

    public bool Any => _errors.Count > 0;

    public void Add(string field, string message)
    {
        if (!_errors.TryGetValue(field, out var list))
        {
            _errors[field] = list = [];
        }
        list.Add(message);
    }

    /// <summary>Runs the data annotations of <paramref name="input"/> (the same ones the form shows).</summary>
    public static FieldErrors Validate(object input)
    {
        var errors = new FieldErrors();
        var results = new List<System.ComponentModel.DataAnnotations.ValidationResult>();
        System.ComponentModel.DataAnnotations.Validator.TryValidateObject(
            input, new System.ComponentModel.DataAnnotations.ValidationContext(input), results, validateAllProperties: true);
        foreach (var result in results)
        {
            foreach (var member in result.MemberNames.DefaultIfEmpty(""))
            {
                errors.Add(member, result.ErrorMessage ?? "This value is not valid.");
            }
        }
        return errors;
    }

    public IReadOnlyDictionary<string, string[]> ToDictionary() => _errors.ToDictionary(e => e.Key, e => e.Value.ToArray());
}
