using System.Text;

namespace AssistantPortal.Features.Knowledge;

/// <summary>The words of a question that are worth searching for: lower-cased, without common filler words.</summary>
public static class SearchTerms
{
    private static readonly HashSet<string> StopWords = new(StringComparer.Ordinal)
    {
        "a", "an", "and", "are", "as", "at", "be", "but", "by", "can", "could", "do", "does", "for", "from", "had",
        "has", "have", "how", "i", "if", "in", "into", "is", "it", "its", "me", "my", "of", "on", "or", "our",
        "please", "should", "so", "tell", "that", "the", "their", "them", "then", "there", "these", "they", "this",
        "to", "us", "was", "we", "were", "what", "when", "where", "which", "who", "why", "will", "with", "would",
        "you", "your", "about", "any", "some", "than", "too", "very", "just", "also", "not", "no",
    };

    /// <summary>The distinct search words of <paramref name="text"/>, in order of first appearance.</summary>
    public static IReadOnlyList<string> Of(string text)
    {
        var words = new List<string>();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        var word = new StringBuilder();
        foreach (var c in text + " ")
        {
            if (char.IsLetterOrDigit(c))
            {
                word.Append(char.ToLowerInvariant(c));
                continue;
            }
            if (word.Length >= 2 && !StopWords.Contains(word.ToString()) && seen.Add(word.ToString()))
            {
                words.Add(word.ToString());
            }
            word.Clear();
        }
        return words;
    }

    /// <summary>
    /// An FTS5 query matching any of the terms (each quoted, so nothing in a question is read as query
    /// syntax); null when the question has no searchable word.
    /// </summary>
    public static string? ToFtsQuery(IReadOnlyList<string> terms) =>
        terms.Count == 0 ? null : string.Join(" OR ", terms.Select(t => "\"" + t.Replace("\"", "\"\"", StringComparison.Ordinal) + "\""));

    /// <summary>A crude stem, so "passwords" meets "password" and "resetting" meets "reset" when ranking sentences.</summary>
    public static string Stem(string word)
    {
        foreach (var suffix in (ReadOnlySpan<string>)["ing", "ed", "es", "s"])
        {
            if (word.Length > suffix.Length + 2 && word.EndsWith(suffix, StringComparison.Ordinal))
            {
                var stem = word[..^suffix.Length];
                return stem.Length > 3 && stem[^1] == stem[^2] ? stem[..^1] : stem;
            }
        }
        return word;
    }
}
