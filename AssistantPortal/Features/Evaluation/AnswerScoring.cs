using System.Globalization;
using System.Text;
using AssistantPortal.Features.Knowledge;

namespace AssistantPortal.Features.Evaluation;

/// <summary>How an answer scored against a test case: from 0 to 1, whether it passes, and why.</summary>
public sealed record AnswerScore(double Score, bool Passed, string Details);

/// <summary>
/// Scores an answer against what a test case expects (SPEC §8.4). Pure, so the rules read and test in
/// one place:
/// <list type="bullet">
/// <item><b>Key phrases</b>: the fraction of phrases the answer contains, case-insensitively and as whole
/// words (punctuation and spacing are ignored, so "Forgot password" matches "forgot  password.").</item>
/// <item><b>Expected answer</b>: word recall — the fraction of the expected answer's content words (filler
/// words dropped, crudely stemmed) that the answer contains. Recall rather than F1 because answers
/// quote their sources and cite them, so an answer that says everything expected plus its sources
/// would otherwise be punished for the citations; precision and F1 are still shown in the details.</item>
/// <item>With both, the lower score counts: both must hold.</item>
/// </list>
/// A case passes at <see cref="PassThreshold"/> or more.
/// </summary>
public static class AnswerScoring
{
    /// <summary>The score at or above which an answer passes.</summary>
    public const double PassThreshold = 0.6;

    /// <summary>The key phrases of a test case's stored text: one per line, trimmed, blanks and repeats dropped.</summary>
    public static IReadOnlyList<string> Phrases(string? keyPhrases) =>
        (keyPhrases ?? "").Split('\n')
            .Select(p => p.Trim())
            .Where(p => p.Length > 0)
            .Distinct(StringComparer.OrdinalIgnoreCase)
            .ToList();

    public static AnswerScore Score(string answer, string? expectedAnswer, string? keyPhrases)
    {
        var phrases = Phrases(keyPhrases);
        var hasExpected = !string.IsNullOrWhiteSpace(expectedAnswer);
        if (phrases.Count == 0 && !hasExpected)
        {
            throw new ArgumentException("A test case needs an expected answer or at least one key phrase.", nameof(expectedAnswer));
        }

        var scores = new List<double>();
        var details = new StringBuilder();
        if (phrases.Count > 0)
        {
            var (score, missing) = KeyPhrases(answer, phrases);
            scores.Add(score);
            details.Append(CultureInfo.InvariantCulture, $"Key phrases: {phrases.Count - missing.Count} of {phrases.Count} present");
            details.Append(missing.Count == 0 ? "." : "; missing: " + string.Join(", ", missing.Select(m => $"\u201c{m}\u201d")) + ".");
        }
        if (hasExpected)
        {
            var overlap = Overlap(answer, expectedAnswer!);
            scores.Add(overlap.Recall);
            if (details.Length > 0)
            {
                details.Append(' ');
            }
            details.Append(CultureInfo.InvariantCulture,
                $"Expected answer: {overlap.Shared} of {overlap.ExpectedWords} word(s) present (recall {overlap.Recall:0.00}, precision {overlap.Precision:0.00}, F1 {overlap.F1:0.00}).");
        }

        var total = scores.Min();
        return new AnswerScore(total, total >= PassThreshold, details.ToString());
    }

    /// <summary>The fraction of <paramref name="phrases"/> present in <paramref name="answer"/>, and the missing ones.</summary>
    public static (double Score, IReadOnlyList<string> Missing) KeyPhrases(string answer, IReadOnlyList<string> phrases)
    {
        if (phrases.Count == 0)
        {
            return (1, []);
        }
        var text = " " + Normalize(answer) + " ";
        var missing = phrases.Where(p => Normalize(p) is var phrase && (phrase.Length == 0 || !text.Contains(" " + phrase + " ", StringComparison.Ordinal))).ToList();
        return ((double)(phrases.Count - missing.Count) / phrases.Count, missing);
    }

    /// <summary>Word overlap of an answer with the expected answer (content words, stemmed, each counted once).</summary>
    public static WordOverlap Overlap(string answer, string expected)
    {
        var expectedWords = Words(expected);
        var answerWords = Words(answer);
        if (expectedWords.Count == 0)
        {
            // Only filler words expected ("Yes, it is."): fall back to the whole text appearing as it is.
            var present = (" " + Normalize(answer) + " ").Contains(" " + Normalize(expected) + " ", StringComparison.Ordinal);
            return new WordOverlap(0, 0, present ? 1 : 0, present ? 1 : 0);
        }
        var shared = expectedWords.Count(answerWords.Contains);
        var recall = (double)shared / expectedWords.Count;
        var precision = answerWords.Count == 0 ? 0 : (double)shared / answerWords.Count;
        return new WordOverlap(shared, expectedWords.Count, recall, precision);
    }

    private static HashSet<string> Words(string text) =>
        SearchTerms.Of(text).Select(SearchTerms.Stem).ToHashSet(StringComparer.Ordinal);

    /// <summary>Lower-cased words separated by single spaces: what phrase matching compares.</summary>
    private static string Normalize(string text)
    {
        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var c in text)
        {
            if (char.IsLetterOrDigit(c))
            {
                if (space && builder.Length > 0)
                {
                    builder.Append(' ');
                }
                builder.Append(char.ToLowerInvariant(c));
                space = false;
            }
            else
            {
                space = true;
            }
        }
        return builder.ToString();
    }
}

/// <summary>How many expected content words an answer shares, with recall, precision and F1.</summary>
public sealed record WordOverlap(int Shared, int ExpectedWords, double Recall, double Precision)
{
    public double F1 => Recall + Precision == 0 ? 0 : 2 * Recall * Precision / (Recall + Precision);
}
