using System.Globalization;
using System.Text;
using CsvHelper;
using CsvHelper.Configuration;

namespace AssistantPortal.Features.Admin;

/// <summary>
/// Writes the admin panel's CSV exports (SPEC §9, §10). Cells that a spreadsheet would read as a formula
/// (starting with =, +, -, @, tab or carriage return) get a leading apostrophe, by CsvHelper's own escaping.
/// </summary>
public static class CsvExport
{
    public const string ContentType = "text/csv";

    private static CsvConfiguration Configuration() => new(CultureInfo.InvariantCulture)
    {
        InjectionOptions = InjectionOptions.Escape,
    };

    /// <summary>Writes a header and one line per row as the rows arrive, so an export of any size streams.</summary>
    public static async Task WriteAsync<T>(Stream stream, IReadOnlyList<string> header, IAsyncEnumerable<T> rows,
        Func<T, IEnumerable<string?>> cells, CancellationToken cancellationToken = default)
    {
        // With a byte-order mark, so that spreadsheets read the names and text as UTF-8.
        await using var text = new StreamWriter(stream, new UTF8Encoding(encoderShouldEmitUTF8Identifier: true), leaveOpen: true);
        await using var csv = new CsvWriter(text, Configuration());
        foreach (var name in header)
        {
            csv.WriteField(name);
        }
        await csv.NextRecordAsync();
        await foreach (var row in rows.WithCancellation(cancellationToken))
        {
            foreach (var cell in cells(row))
            {
                csv.WriteField(cell ?? "");
            }
            await csv.NextRecordAsync();
        }
        await csv.FlushAsync();
    }

    /// <summary>An instant as the exports write it: UTC, ISO 8601.</summary>
    public static string Instant(DateTime? utc) =>
        utc?.ToString("yyyy-MM-dd'T'HH:mm:ss'Z'", CultureInfo.InvariantCulture) ?? "";

    /// <summary>A download file name for an export made now, e.g. <c>chat-logs-20261123-1905.csv</c>.</summary>
    public static string FileName(string prefix, DateTimeOffset now) =>
        $"{prefix}-{now.UtcDateTime.ToString("yyyyMMdd-HHmm", CultureInfo.InvariantCulture)}.csv";
}
