namespace AssistantPortal.Features.Chat;

/// <summary>
/// Configuration section "Chat": the OpenAI-compatible endpoint behind the built-in model alias "default".
/// With no endpoint, "default" is the built-in retrieval engine. More endpoints are added as aliases in
/// the admin panel (<see cref="Data.ChatModelAlias"/>).
/// </summary>
public sealed class ChatEngineOptions
{
    public const string Section = "Chat";

    /// <summary>Base address of an OpenAI-compatible API, e.g. https://api.openai.com/v1 or http://localhost:11434/v1.</summary>
    public string? Endpoint { get; set; }

    /// <summary>The model name the endpoint knows, e.g. gpt-4o-mini or llama3.1.</summary>
    public string? Model { get; set; }

    /// <summary>The endpoint's key; keep it in user secrets or an environment variable, not in appsettings.json.</summary>
    public string? ApiKey { get; set; }
}
