namespace AssistantPortal.Data;

/// <summary>
/// A named OpenAI-compatible chat-model configuration (SPEC §9 "Aliases") that assistants choose by
/// <see cref="Name"/>. The built-in aliases "default" and "offline" are not stored: they always exist.
/// </summary>
public class ChatModelAlias
{
    public int Id { get; set; }

    /// <summary>What assistants store in <see cref="Assistant.ModelAlias"/>: lower case, unique.</summary>
    public string Name { get; set; } = "";

    /// <summary>Base address of the OpenAI-compatible API, e.g. https://api.openai.com/v1.</summary>
    public string Endpoint { get; set; } = "";

    /// <summary>The model name the endpoint knows, e.g. gpt-4o-mini.</summary>
    public string Model { get; set; } = "";

    /// <summary>
    /// The endpoint's API key, protected with ASP.NET Core Data Protection; null when the endpoint needs
    /// none. Never shown again once saved: the page only says whether one is set.
    /// </summary>
    public string? ProtectedApiKey { get; set; }

    /// <summary>Grows by one on every change, so cached clients of an older configuration are replaced.</summary>
    public int Version { get; set; } = 1;

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }
}
