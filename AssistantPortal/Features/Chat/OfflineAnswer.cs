using System.Text;
using AssistantPortal.Features.Knowledge;

namespace AssistantPortal.Features.Chat;

/// <summary>An answer of the offline engine with how it was reached.</summary>
public sealed record ComposedAnswer(string Text, string ThoughtProcess);

/// <summary>
/// The offline engine's way of answering (SPEC §8.1): quote the sentences of the retrieved passages
/// that share the most words with the question, and cite where each came from. The assistant's
/// instructions shape the answer where a retrieval engine can honour them: asking for a brief or
/// concise answer keeps only the best quote; asking for bullets or a list renders the quotes as a list.
/// Everything else in the instructions is for a language model configured through an alias.
/// </summary>
public static class OfflineAnswer
{
    public const string NothingFound =
        "I could not find anything about that in my knowledge base. Try other words, or ask the assistant's owner to add a document that covers it.";

    public static ComposedAnswer Compose(string question, string instructions, IReadOnlyList<RetrievedPassage> passages)
    {
        var terms = SearchTerms.Of(question).Select(SearchTerms.Stem).ToHashSet(StringComparer.Ordinal);
        var thought = new StringBuilder();
        thought.AppendLine($"Search terms: {(terms.Count == 0 ? "(none)" : string.Join(", ", terms))}.");
        thought.AppendLine($"Retrieved {passages.Count} passage(s) ranked by BM25.");

        var quotes = new List<(int Source, string FileName, string Quote, int Score)>();
        for (var i = 0; i < passages.Count; i++)
        {
            var sentences = PassageSplitter.Sentences(passages[i].Text.Replace("\n\n", "\n"))
                .Select((s, index) => (Text: s, Index: index, Score: Overlap(s, terms)))
                .ToList();
            var best = sentences.OrderByDescending(s => s.Score).ThenBy(s => s.Index).FirstOrDefault();
            thought.AppendLine($"[{i + 1}] {passages[i].FileName}, passage {passages[i].Ordinal + 1}: best sentence shares {best.Score} of {terms.Count} term(s).");
            if (best.Score == 0)
            {
                continue;
            }
            // The best sentence, with the one after it when it continues the thought (also on topic).
            var next = sentences.FirstOrDefault(s => s.Index == best.Index + 1);
            var quote = next.Text is not null && next.Score > 0 ? best.Text + " " + next.Text : best.Text;
            quotes.Add((i + 1, passages[i].FileName, quote, best.Score));
        }

        if (quotes.Count == 0)
        {
            thought.AppendLine("No sentence matched the question: answered that nothing was found.");
            return new(NothingFound, thought.ToString());
        }

        var style = StyleOf(instructions);
        thought.AppendLine($"Answer style from the instructions: {style}.");
        if (style == AnswerStyle.Brief)
        {
            quotes = [quotes.OrderByDescending(q => q.Score).ThenBy(q => q.Source).First()];
        }

        var answer = new StringBuilder();
        foreach (var (source, fileName, quote, _) in quotes)
        {
            answer.Append(style == AnswerStyle.List
                ? $"- {quote} [{source}]\n"
                : $"According to {fileName} [{source}]: \u201c{quote}\u201d\n\n");
        }
        answer.Append(style == AnswerStyle.List ? "\n" : "");
        answer.Append("Sources: ");
        answer.AppendJoin("; ", quotes.Select(q => $"[{q.Source}] {q.FileName}"));
        return new(answer.ToString(), thought.ToString());
    }

    private static int Overlap(string sentence, HashSet<string> terms) =>
        SearchTerms.Of(sentence).Select(SearchTerms.Stem).Distinct().Count(terms.Contains);

    private enum AnswerStyle
    {
        Quotes,
        Brief,
        List,
    }

    private static AnswerStyle StyleOf(string instructions)
    {
        var words = SearchTerms.Of(instructions);
        if (words.Any(w => w is "brief" or "briefly" or "concise" or "short" or "shortly"))
        {
            return AnswerStyle.Brief;
        }
        return words.Any(w => w is "bullet" or "bullets" or "list") ? AnswerStyle.List : AnswerStyle.Quotes;
    }
}
