using System.Collections.Concurrent;
using AssistantPortal.Data;
using AssistantPortal.Features.Assistants;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.AI;
using Microsoft.Extensions.Options;

namespace AssistantPortal.Features.Chat;

/// <summary>Chooses the <see cref="IChatClient"/> an assistant answers with.</summary>
public interface IChatClientProvider
{
    Task<IChatClient> ForAsync(Assistant assistant, CancellationToken cancellationToken = default);
}

/// <summary>
/// Resolves an assistant's model alias (SPEC §8.1, §9): "offline" is the built-in retrieval engine;
/// "default" is the endpoint of the "Chat" configuration section when one is configured, otherwise
/// offline; any other name is an alias from the admin panel (an OpenAI-compatible endpoint, model and
/// protected key). An alias that does not exist (or whose key can no longer be read) answers offline,
/// so an assistant never stops answering. Clients are cached per alias and replaced when its version changes.
/// </summary>
public sealed class ChatClientProvider(
    IOptions<ChatEngineOptions> options,
    IDbContextFactory<ApplicationDbContext> dbFactory,
    ModelAliasKeys keys,
    ILogger<ChatClientProvider>? logger = null) : IChatClientProvider
{
    private readonly RetrievalChatClient _offline = new();
    private readonly Lazy<IChatClient?> _configured = new(() => CreateConfiguredClient(options.Value));
    private readonly ConcurrentDictionary<string, CachedClient> _aliases = new(StringComparer.Ordinal);

    public async Task<IChatClient> ForAsync(Assistant assistant, CancellationToken cancellationToken = default)
    {
        var name = ModelAliases.Normalize(assistant.ModelAlias);
        if (name == ModelAliases.Offline)
        {
            return _offline;
        }
        if (name == ModelAliases.Default)
        {
            return _configured.Value ?? _offline;
        }

        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var alias = await db.ChatModelAliases.AsNoTracking().FirstOrDefaultAsync(a => a.Name == name, cancellationToken);
        if (alias is null)
        {
            logger?.LogWarning("Assistant {AssistantId} uses the unknown model alias {Alias}; it answers offline.", assistant.Id, name);
            return _offline;
        }
        if (_aliases.TryGetValue(name, out var cached) && cached.Id == alias.Id && cached.Version == alias.Version)
        {
            return cached.Client;
        }

        string? apiKey = null;
        if (alias.ProtectedApiKey is not null)
        {
            apiKey = keys.TryUnprotect(alias.ProtectedApiKey);
            if (apiKey is null)
            {
                logger?.LogWarning("The API key of model alias {Alias} cannot be read (Data Protection keys changed); it answers offline until the key is set again.", name);
                return _offline;
            }
        }
        var client = CreateClient(alias.Endpoint, alias.Model, apiKey);
        // Clients are not disposed when replaced: a stream may still be reading from the old one.
        _aliases[name] = new CachedClient(alias.Id, alias.Version, client);
        return client;
    }

    private static IChatClient? CreateConfiguredClient(ChatEngineOptions options) =>
        string.IsNullOrWhiteSpace(options.Endpoint) || string.IsNullOrWhiteSpace(options.Model)
            ? null
            : CreateClient(options.Endpoint, options.Model, options.ApiKey);

    private static IChatClient CreateClient(string endpoint, string model, string? apiKey)
    {
        // Local servers (Ollama, vLLM, ...) need no key, but the OpenAI client insists on one.
        var client = new OpenAI.OpenAIClient(
            new System.ClientModel.ApiKeyCredential(string.IsNullOrEmpty(apiKey) ? "none" : apiKey),
            new OpenAI.OpenAIClientOptions { Endpoint = new Uri(endpoint) });
        return client.GetChatClient(model).AsIChatClient();
    }

    private sealed record CachedClient(int Id, int Version, IChatClient Client);
}
