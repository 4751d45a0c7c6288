using System.Text;
using Markdig;
using UglyToad.PdfPig;

namespace AssistantPortal.Features.Knowledge;

/// <summary>The outcome of reading an upload: its plain text, or why it cannot be used.</summary>
public sealed record ExtractedText(string? Text, string? Error, string ContentType)
{
    public bool Succeeded => Error is null;
}

/// <summary>
/// Reads the plain text out of an upload (SPEC §8.2): plain text, Markdown (rendered to text with
/// Markdig, so markup does not pollute retrieval) and PDF (PdfPig). Anything else, an empty document
/// or a file that does not parse is refused with a message the uploader can act on.
/// </summary>
public static class DocumentText
{
    /// <summary>The largest upload accepted (documented in the README).</summary>
    public const long MaxBytes = 10 * 1024 * 1024;

    public const string PlainText = "text/plain";
    public const string Markdown = "text/markdown";
    public const string Pdf = "application/pdf";

    /// <summary>The content type an upload is treated as, decided by its extension; null when unsupported.</summary>
    public static string? ContentTypeOf(string fileName) => Path.GetExtension(fileName).ToLowerInvariant() switch
    {
        ".txt" or ".text" => PlainText,
        ".md" or ".markdown" => Markdown,
        ".pdf" => Pdf,
        _ => null,
    };

    public static ExtractedText Extract(string fileName, byte[] content)
    {
        var contentType = ContentTypeOf(fileName);
        if (contentType is null)
        {
            return new(null, "Only plain text (.txt), Markdown (.md) and PDF (.pdf) files can be added.", "");
        }
        if (content.LongLength > MaxBytes)
        {
            return new(null, $"The file is larger than {MaxBytes / (1024 * 1024)} MB.", contentType);
        }

        string text;
        try
        {
            text = contentType switch
            {
                Pdf => ReadPdf(content),
                Markdown => Markdig.Markdown.ToPlainText(ReadUtf8(content)),
                _ => ReadUtf8(content),
            };
        }
        catch (Exception e) when (e is DecoderFallbackException or FormatException or InvalidOperationException
            or ArgumentException or IndexOutOfRangeException or NullReferenceException or IOException
            || e.GetType().Namespace?.StartsWith("UglyToad", StringComparison.Ordinal) == true)
        {
            return new(null, contentType == Pdf
                ? "The PDF could not be read; it may be damaged or protected."
                : "The file is not valid UTF-8 text.", contentType);
        }

        text = Normalize(text);
        return text.Length == 0
            ? new(null, "The file contains no text to learn from.", contentType)
            : new(text, null, contentType);
    }

    private static string ReadUtf8(byte[] content) =>
        new UTF8Encoding(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true).GetString(content).TrimStart('\uFEFF');

    private static string ReadPdf(byte[] content)
    {
        using var document = PdfDocument.Open(content);
        var builder = new StringBuilder();
        foreach (var page in document.GetPages())
        {
            builder.AppendLine(page.Text).AppendLine();
        }
        return builder.ToString();
    }

    /// <summary>Unifies line ends, drops control characters and collapses runs of blank lines.</summary>
    private static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var blankLines = 0;
        foreach (var rawLine in text.Replace("\r\n", "\n").Replace('\r', '\n').Split('\n'))
        {
            var line = new string(rawLine.Where(c => !char.IsControl(c) || c == '\t').ToArray()).TrimEnd();
            if (line.Length == 0)
            {
                blankLines++;
                continue;
            }
            if (builder.Length > 0)
            {
                builder.Append(blankLines > 0 ? "\n\n" : "\n");
            }
            builder.Append(line);
            blankLines = 0;
        }
        return builder.ToString();
    }
}
