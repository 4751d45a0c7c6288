using System.Globalization;
using System.Text;
using AssistantPortal.Features.Admin;
using CsvHelper;

namespace AssistantPortal.Tests.Features.Admin;

public sealed class CsvExportTests
{
    [Theory]
    [InlineData("=cmd|' /C calc'!A0", "'=cmd|' /C calc'!A0")]
    [InlineData("+1+1", "'+1+1")]
    [InlineData("-2", "'-2")]
    [InlineData("@SUM(A1)", "'@SUM(A1)")]
    [InlineData("\tx", "'\tx")]
    [InlineData("\rx", "'\rx")]
    [InlineData("plain = text", "plain = text")]
    public async Task Write_ACellAFormulaWouldRead_GetsALeadingApostrophe(string value, string expected)
    {
        var rows = Parse(await WriteAsync(["Question"], [value]));

        Assert.Equal([["Question"], [expected]], rows);
    }

    [Fact]
    public async Task Write_AFormulaCell_IsQuotedWithTheApostropheInside()
    {
        var csv = await WriteAsync(["Question"], ["=cmd"]);

        Assert.Equal("Question\r\n\"'=cmd\"\r\n", csv);
    }

    [Fact]
    public async Task Write_CommasQuotesAndLineBreaks_SurviveARoundTrip()
    {
        var rows = Parse(await WriteAsync(["A", "B"], ["a, \"b\"", "line\nbreak"]));

        Assert.Equal([["A", "B"], ["a, \"b\"", "line\nbreak"]], rows);
    }

    /// <summary>The cells of a CSV text, as a spreadsheet or any CSV reader sees them.</summary>
    public static List<string[]> Parse(string csv)
    {
        using var reader = new CsvParser(new StringReader(csv), CultureInfo.InvariantCulture);
        var rows = new List<string[]>();
        while (reader.Read())
        {
            rows.Add(reader.Record!);
        }
        return rows;
    }

    private static async Task<string> WriteAsync(string[] header, string[] row)
    {
        using var stream = new MemoryStream();
        await CsvExport.WriteAsync(stream, header, Rows(row), r => r);
        // The writer puts a byte-order mark first, for spreadsheets.
        var bytes = stream.ToArray();
        Assert.Equal(Encoding.UTF8.GetPreamble(), bytes[..3]);
        return Encoding.UTF8.GetString(bytes[3..]);
    }

    private static async IAsyncEnumerable<string[]> Rows(params string[][] rows)
    {
        foreach (var row in rows)
        {
            await Task.Yield();
            yield return row;
        }
    }
}
