using AssistantPortal.Data;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace AssistantPortal.Features.Chat;

/// <summary>Chooses the <see cref="IChatClient"/> an assistant answers with.</summary>
public interface IChatClientProvider
{
    IChatClient For(Assistant assistant);
}

/// <summary>
/// The offline retrieval engine unless an OpenAI-compatible endpoint is configured (section "Chat"),
/// in which case every assistant whose model alias is not "offline" uses it, with retrieval still
/// supplying the context. Named aliases per assistant come with the admin panel.
/// </summary>
public sealed class ChatClientProvider(IOptions<ChatEngineOptions> options) : IChatClientProvider
{
    private readonly RetrievalChatClient _offline = new();
    private readonly Lazy<IChatClient?> _endpoint = new(() => CreateEndpointClient(options.Value));

    public IChatClient For(Assistant assistant) =>
        string.Equals(assistant.ModelAlias, "offline", StringComparison.OrdinalIgnoreCase) ? _offline : _endpoint.Value ?? _offline;

    private static IChatClient? CreateEndpointClient(ChatEngineOptions options)
    {
        if (string.IsNullOrWhiteSpace(options.Endpoint) || string.IsNullOrWhiteSpace(options.Model))
        {
            return null;
        }
        var client = new OpenAI.OpenAIClient(
            new System.ClientModel.ApiKeyCredential(string.IsNullOrEmpty(options.ApiKey) ? "none" : options.ApiKey),
            new OpenAI.OpenAIClientOptions { Endpoint = new Uri(options.Endpoint) });
        return client.GetChatClient(options.Model).AsIChatClient();
    }
}
