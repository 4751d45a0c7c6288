using System.Text;

namespace AssistantPortal.Features.Knowledge;

/// <summary>
/// Splits a document's text into passages of about <see cref="TargetLength"/> characters, breaking
/// between paragraphs where it can and between sentences otherwise, so a passage quotes well on its own.
/// </summary>
public static class PassageSplitter
{
    public const int TargetLength = 700;

    public static IReadOnlyList<string> Split(string text, int targetLength = TargetLength)
    {
        var passages = new List<string>();
        var current = new StringBuilder();

        void Flush()
        {
            if (current.Length > 0)
            {
                passages.Add(current.ToString().Trim());
                current.Clear();
            }
        }

        foreach (var paragraph in text.Split("\n\n", StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries))
        {
            if (paragraph.Length > targetLength)
            {
                Flush();
                foreach (var sentence in Sentences(paragraph))
                {
                    if (current.Length > 0 && current.Length + sentence.Length + 1 > targetLength)
                    {
                        Flush();
                    }
                    AppendHardWrapped(current, sentence, targetLength, Flush);
                }
                Flush();
                continue;
            }
            if (current.Length > 0 && current.Length + paragraph.Length + 2 > targetLength)
            {
                Flush();
            }
            if (current.Length > 0)
            {
                current.Append("\n\n");
            }
            current.Append(paragraph);
        }
        Flush();
        return passages;
    }

    /// <summary>Sentences of a paragraph: split after ., ! or ? followed by white space.</summary>
    public static IEnumerable<string> Sentences(string paragraph)
    {
        var start = 0;
        for (var i = 0; i < paragraph.Length; i++)
        {
            var end = paragraph[i] is '.' or '!' or '?' && (i + 1 == paragraph.Length || char.IsWhiteSpace(paragraph[i + 1]));
            if (end || paragraph[i] == '\n')
            {
                var sentence = paragraph[start..(i + 1)].Trim();
                if (sentence.Length > 0)
                {
                    yield return sentence;
                }
                start = i + 1;
            }
        }
        var rest = paragraph[start..].Trim();
        if (rest.Length > 0)
        {
            yield return rest;
        }
    }

    /// <summary>A sentence longer than a passage (a table row, a run-on line) is cut at word boundaries.</summary>
    private static void AppendHardWrapped(StringBuilder current, string sentence, int targetLength, Action flush)
    {
        foreach (var word in sentence.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (current.Length > 0 && current.Length + word.Length + 1 > targetLength)
            {
                flush();
            }
            if (current.Length > 0)
            {
                current.Append(' ');
            }
            current.Append(word.Length > targetLength ? word[..targetLength] : word);
        }
    }
}
