using System.Text;
using AssistantPortal.Data;
using AssistantPortal.Features.Knowledge;
using Microsoft.Extensions.AI;

namespace AssistantPortal.Features.Chat;

/// <summary>A question put to an assistant's chat engine: the messages and the options that go with them.</summary>
public sealed record ChatPrompt(IReadOnlyList<ChatMessage> Messages, ChatOptions Options)
{
    /// <summary>
    /// The one prompt shape every caller uses (the chat, the link pages, the API, evaluation runs): the
    /// instructions, the retrieved passages as numbered sources, earlier turns, then the question. The
    /// passages also travel in the options for the offline engine, which answers from them directly.
    /// </summary>
    public static ChatPrompt For(Assistant assistant, IReadOnlyList<RetrievedPassage> passages, string question,
        IEnumerable<(string Question, string Answer)>? history = null)
    {
        var messages = new List<ChatMessage> { new(ChatRole.System, assistant.Instructions) };
        if (passages.Count > 0)
        {
            messages.Add(new(ChatRole.System, Sources(passages)));
        }
        foreach (var (earlierQuestion, earlierAnswer) in history ?? [])
        {
            messages.Add(new(ChatRole.User, earlierQuestion));
            messages.Add(new(ChatRole.Assistant, earlierAnswer));
        }
        messages.Add(new(ChatRole.User, question));
        var options = new ChatOptions
        {
            Temperature = (float)assistant.Temperature,
            AdditionalProperties = new() { [RetrievalChatClient.PassagesKey] = passages },
        };
        return new ChatPrompt(messages, options);
    }

    /// <summary>The passages as numbered sources; also what the log keeps as supporting content.</summary>
    public static string Sources(IReadOnlyList<RetrievedPassage> passages)
    {
        if (passages.Count == 0)
        {
            return "";
        }
        var builder = new StringBuilder("Answer from these sources and cite them by number:\n");
        for (var i = 0; i < passages.Count; i++)
        {
            builder.Append('[').Append(i + 1).Append("] ").Append(passages[i].FileName)
                .Append(", passage ").Append(passages[i].Ordinal + 1).Append(":\n").Append(passages[i].Text).Append("\n\n");
        }
        return builder.ToString().TrimEnd();
    }
}
