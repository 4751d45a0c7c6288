namespace AssistantPortal.Features.Api;

/// <summary>Body of <c>POST /api/v1/assistants/{id}/chat</c>.</summary>
public sealed record ChatRequest(string? Message, string? ConversationId);

/// <summary>A source an answer cites as [Number].</summary>
public sealed record ApiCitation(int Number, string Document, int Passage);

/// <summary>Answer of <c>POST /api/v1/assistants/{id}/chat</c>; pass ConversationId back to continue.</summary>
public sealed record ChatResponse(string ConversationId, string Answer, IReadOnlyList<ApiCitation> Citations);

/// <summary>An assistant's configuration (<c>GET /api/v1/assistants/{id}</c>).</summary>
public sealed record AssistantConfiguration(int Id, string Name, string Description, string Instructions, string ModelAlias,
    double Temperature, int MaxPassages, string PublicAccess, DateTime CreatedAt, DateTime UpdatedAt);

/// <summary>Body of <c>PATCH /api/v1/assistants/{id}</c>: only the fields present change.</summary>
public sealed record AssistantPatch(string? Name, string? Description, string? Instructions, double? Temperature, int? MaxPassages);

/// <summary>One exchange of the chat log, as the API shows it (never the supporting content).</summary>
public sealed record ApiLogEntry(long Id, DateTime AskedAt, string Origin, string Who, string Question, string Answer);

/// <summary>A page of the chat log, newest first.</summary>
public sealed record ApiLogPage(int Total, int Skip, int Take, IReadOnlyList<ApiLogEntry> Items);
