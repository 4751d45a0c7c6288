namespace AssistantPortal.Data;

/// <summary>Who asked a question (SPEC §8.3): a signed-in user, a link visitor, or an API key.</summary>
public enum ChatOrigin
{
    User = 0,
    LinkVisitor = 1,
    ApiKey = 2,
}

/// <summary>A conversation with an assistant; a signed-in user's conversations can be listed and continued.</summary>
public class Conversation
{
    public int Id { get; set; }

    public int AssistantId { get; set; }
    public Assistant Assistant { get; set; } = null!;

    /// <summary>The user who holds it; null for link visitors and API keys.</summary>
    public string? UserId { get; set; }

    /// <summary>The API key that holds it, for conversations started through the HTTP API.</summary>
    public int? ApiKeyId { get; set; }

    public string Title { get; set; } = "";

    public DateTime CreatedAt { get; set; }

    public DateTime UpdatedAt { get; set; }

    public List<ChatExchange> Exchanges { get; set; } = [];
}

/// <summary>
/// One question and its answer: the chat history and, at once, the log entry (SPEC §8.3). The
/// supporting content and thought process are stored with it and shown to Global Admins only.
/// </summary>
public class ChatExchange
{
    public long Id { get; set; }

    public int AssistantId { get; set; }
    public Assistant Assistant { get; set; } = null!;

    public int? ConversationId { get; set; }
    public Conversation? Conversation { get; set; }

    public ChatOrigin Origin { get; set; }

    public string? UserId { get; set; }

    /// <summary>The user's name, "Link visitor", or the API key's name, as it was at the time.</summary>
    public string WhoName { get; set; } = "";

    public int? ApiKeyId { get; set; }

    public DateTime AskedAt { get; set; }

    public string Question { get; set; } = "";

    public string Answer { get; set; } = "";

    /// <summary>The passages the answer drew on, as text (Global Admins only).</summary>
    public string SupportingContent { get; set; } = "";

    /// <summary>How the engine arrived at the answer (Global Admins only).</summary>
    public string ThoughtProcess { get; set; } = "";

    /// <summary>True when the answer was stopped by the asker before it finished.</summary>
    public bool Stopped { get; set; }
}
