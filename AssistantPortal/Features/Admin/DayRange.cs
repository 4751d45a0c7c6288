using System.Globalization;

namespace AssistantPortal.Features.Admin;

/// <summary>
/// A filter's days, both ends included, read as UTC days (the admin pages show times in UTC, and the CSV
/// export of a filter must hold exactly the rows the page showed).
/// </summary>
public sealed record DayRange(DateOnly? From = null, DateOnly? To = null)
{
    public const string FromField = "from";
    public const string ToField = "to";
    public const string FromAfterTo = "The start date is after the end date.";

    public static DayRange Any { get; } = new();

    /// <summary>Why the range cannot be used, or null.</summary>
    public string? Error => From > To ? FromAfterTo : null;

    /// <summary>The first instant included.</summary>
    public DateTime? FromUtc => From?.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>The first instant after the range (exclusive end).</summary>
    public DateTime? ToUtcExclusive => To?.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

    /// <summary>A picker's date (its time ignored) as a UTC day.</summary>
    public static DateOnly? Day(DateTime? date) => date is { } d ? DateOnly.FromDateTime(d) : null;

    /// <summary>The day as a query-string value (yyyy-MM-dd).</summary>
    public static string? Format(DateOnly? day) => day?.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    /// <summary>Reads <c>from</c> and <c>to</c> query values; adds a message per bad field to <paramref name="errors"/>.</summary>
    public static DayRange Parse(string? from, string? to, IDictionary<string, string[]> errors)
    {
        var range = new DayRange(ParseDay(from, FromField, errors), ParseDay(to, ToField, errors));
        if (range.Error is { } error)
        {
            errors[ToField] = [error];
        }
        return range;
    }

    private static DateOnly? ParseDay(string? value, string field, IDictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (DateOnly.TryParseExact(value.Trim(), "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var day))
        {
            return day;
        }
        errors[field] = [$"'{value}' is not a date; write it as yyyy-MM-dd."];
        return null;
    }
}
