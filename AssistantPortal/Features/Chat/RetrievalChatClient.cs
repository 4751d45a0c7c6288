using System.Runtime.CompilerServices;
using AssistantPortal.Features.Knowledge;
using Microsoft.Extensions.AI;

namespace AssistantPortal.Features.Chat;

/// <summary>
/// The default chat engine (SPEC §8.1): an <see cref="IChatClient"/> that needs no model and no network.
/// It answers the last user message from the passages retrieval found (handed over in
/// <see cref="ChatOptions.AdditionalProperties"/> under <see cref="PassagesKey"/>), shaped by the system
/// message (the assistant's instructions). Streaming yields the answer word by word.
/// </summary>
public sealed class RetrievalChatClient : IChatClient
{
    public const string PassagesKey = "assistantportal.passages";
    public const string ThoughtProcessKey = "assistantportal.thought";

    private static readonly ChatClientMetadata Metadata = new("assistantportal-offline", null, "retrieval");

    public Task<ChatResponse> GetResponseAsync(IEnumerable<ChatMessage> messages, ChatOptions? options = null, CancellationToken cancellationToken = default)
    {
        cancellationToken.ThrowIfCancellationRequested();
        var answer = Compose(messages, options);
        var response = new ChatResponse(new ChatMessage(ChatRole.Assistant, answer.Text))
        {
            ModelId = Metadata.DefaultModelId,
            AdditionalProperties = new() { [ThoughtProcessKey] = answer.ThoughtProcess },
        };
        return Task.FromResult(response);
    }

    public async IAsyncEnumerable<ChatResponseUpdate> GetStreamingResponseAsync(
        IEnumerable<ChatMessage> messages, ChatOptions? options = null, [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var answer = Compose(messages, options);
        var text = answer.Text;
        var start = 0;
        while (start < text.Length)
        {
            cancellationToken.ThrowIfCancellationRequested();
            var end = text.IndexOf(' ', start + 1);
            end = end < 0 ? text.Length : end;
            yield return new ChatResponseUpdate(ChatRole.Assistant, text[start..end]);
            start = end;
            // Hand the thread back between words so a stop request and the UI get their turn.
            await Task.Yield();
        }
        yield return new ChatResponseUpdate
        {
            Role = ChatRole.Assistant,
            AdditionalProperties = new() { [ThoughtProcessKey] = answer.ThoughtProcess },
            FinishReason = ChatFinishReason.Stop,
        };
    }

    public object? GetService(Type serviceType, object? serviceKey = null) =>
        serviceKey is null && serviceType == typeof(ChatClientMetadata) ? Metadata
        : serviceKey is null && serviceType.IsInstanceOfType(this) ? this
        : null;

    public void Dispose()
    {
    }

    private static ComposedAnswer Compose(IEnumerable<ChatMessage> messages, ChatOptions? options)
    {
        var list = messages as IReadOnlyList<ChatMessage> ?? messages.ToList();
        var question = list.LastOrDefault(m => m.Role == ChatRole.User)?.Text ?? "";
        // The first system message holds the instructions; later ones carry the sources for language models.
        var instructions = list.FirstOrDefault(m => m.Role == ChatRole.System)?.Text ?? "";
        var passages = options?.AdditionalProperties?.TryGetValue(PassagesKey, out var value) == true
            && value is IReadOnlyList<RetrievedPassage> found ? found : [];
        return OfflineAnswer.Compose(question, instructions, passages);
    }
}
