using System.Runtime.CompilerServices;
using System.Text;
using AssistantPortal.Data;
using AssistantPortal.Data.Configurations;
using AssistantPortal.Features.Knowledge;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata;
using Microsoft.Extensions.AI;

namespace AssistantPortal.Features.Chat;

/// <summary>Who is asking, as the log shows it (SPEC §8.3).</summary>
public sealed record Asker(ChatOrigin Origin, string? UserId, string Name, int? ApiKeyId = null)
{
    public static Asker User(string userId, string name) => new(ChatOrigin.User, userId, name);

    public static Asker LinkVisitor(string? userId, string? name) => new(ChatOrigin.LinkVisitor, userId, name ?? "Link visitor");

    public static Asker Key(int apiKeyId, string keyName) => new(ChatOrigin.ApiKey, null, "API key: " + keyName, apiKeyId);
}

/// <summary>A source an answer cites as <c>[Number]</c>: the document and the passage in it (from 1).</summary>
public sealed record Citation(int Number, string Document, int Passage);

/// <summary>The recorded exchange and the sources its answer cites.</summary>
public sealed record ChatAnswer(ChatExchange Exchange, IReadOnlyList<Citation> Citations);

/// <summary>
/// Asks an assistant a question (SPEC §8.1): retrieves passages from its knowledge base, lets the
/// chosen <see cref="IChatClient"/> answer (streaming each piece to <c>onDelta</c>), and records the
/// exchange with its supporting content and thought process. Callers authorize first: the chat tab,
/// the link pages and the HTTP API each know how the asker got access.
/// </summary>
public sealed class AssistantChat(
    IDbContextFactory<ApplicationDbContext> dbFactory, KnowledgeSearch search, IChatClientProvider clients, TimeProvider clock, ChatLogWriter log)
{
    /// <summary>
    /// The assistant, read on every question: compiled once per model (as the access resolver does), since building
    /// and looking up the query's expression tree each time cost several times the lookup itself.
    /// </summary>
    private static readonly ConditionalWeakTable<IModel, Func<ApplicationDbContext, int, Task<Assistant?>>> CompiledAssistantById = new();

    private static Task<Assistant?> AssistantById(ApplicationDbContext db, int id) =>
        CompiledAssistantById.GetValue(db.Model, static _ =>
            EF.CompileAsyncQuery((ApplicationDbContext c, int assistantId) => c.Assistants.AsNoTracking().SingleOrDefault(a => a.Id == assistantId)))(db, id);

    /// <summary>How many earlier exchanges of a conversation are handed to a language model.</summary>
    private const int HistoryTurns = 6;

    /// <summary>Why a question cannot be asked, or null when it can.</summary>
    public static string? Validate(string? question) =>
        string.IsNullOrWhiteSpace(question) ? "Type a question first."
        : question.Length > ChatLimits.Question ? $"A question can be at most {ChatLimits.Question} characters long."
        : null;

    /// <summary>
    /// Answers <paramref name="question"/> and records the exchange. When the token is cancelled (the
    /// stop button) the partial answer is recorded as stopped and returned. Throws
    /// <see cref="ArgumentException"/> for an invalid question and <see cref="KeyNotFoundException"/>
    /// for an unknown assistant or a conversation that is not the asker's.
    /// </summary>
    public async Task<ChatAnswer> AskAsync(
        int assistantId, Asker asker, int? conversationId, string question,
        Func<string, Task>? onDelta = null, CancellationToken cancellationToken = default)
    {
        var problem = Validate(question);
        if (problem is not null)
        {
            throw new ArgumentException(problem, nameof(question));
        }
        question = question.Trim();

        await using var db = await dbFactory.CreateDbContextAsync(CancellationToken.None);
        var assistant = await AssistantById(db, assistantId)
            ?? throw new KeyNotFoundException("The assistant was not found.");

        Conversation? conversation = null;
        var isNewConversation = false;
        var history = new List<ChatExchange>();
        if (conversationId is not null)
        {
            var candidates = db.Conversations.Where(c => c.Id == conversationId && c.AssistantId == assistantId);
            // A conversation continues only for whoever holds it: the user, or the API key that started it.
            candidates = asker switch
            {
                { Origin: ChatOrigin.User, UserId: { } userId } => candidates.Where(c => c.UserId == userId),
                { Origin: ChatOrigin.ApiKey, ApiKeyId: { } keyId } => candidates.Where(c => c.ApiKeyId == keyId),
                _ => candidates.Where(c => false),
            };
            conversation = await candidates.SingleOrDefaultAsync(CancellationToken.None)
                ?? throw new KeyNotFoundException("The conversation was not found.");
            history = await db.ChatExchanges.AsNoTracking()
                .Where(e => e.ConversationId == conversation.Id)
                .OrderByDescending(e => e.AskedAt).Take(HistoryTurns)
                .ToListAsync(CancellationToken.None);
            history.Reverse();
        }
        else if (asker is { Origin: ChatOrigin.User, UserId: not null } or { Origin: ChatOrigin.ApiKey, ApiKeyId: not null })
        {
            conversation = new Conversation
            {
                AssistantId = assistantId,
                UserId = asker.Origin == ChatOrigin.User ? asker.UserId : null,
                ApiKeyId = asker.Origin == ChatOrigin.ApiKey ? asker.ApiKeyId : null,
                Title = question.Length <= 80 ? question : question[..77] + "...",
                CreatedAt = clock.GetUtcNow().UtcDateTime,
            };
            isNewConversation = true;
        }

        var passages = await search.SearchAsync(db, assistantId, question, Math.Clamp(assistant.MaxPassages, 1, 10), CancellationToken.None);
        var prompt = ChatPrompt.For(assistant, passages, question, history.Select(e => (e.Question, e.Answer)));

        var answer = new StringBuilder();
        var thought = "";
        var stopped = false;
        var client = await clients.ForAsync(assistant, CancellationToken.None);
        try
        {
            await foreach (var update in client.GetStreamingResponseAsync(prompt.Messages, prompt.Options, cancellationToken))
            {
                if (update.AdditionalProperties?.TryGetValue(RetrievalChatClient.ThoughtProcessKey, out var t) == true)
                {
                    thought = t as string ?? thought;
                }
                if (!string.IsNullOrEmpty(update.Text))
                {
                    answer.Append(update.Text);
                    if (onDelta is not null)
                    {
                        await onDelta(update.Text);
                    }
                }
            }
        }
        catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
        {
            stopped = true;
        }

        var now = clock.GetUtcNow().UtcDateTime;
        if (string.IsNullOrEmpty(thought))
        {
            thought = $"Retrieved {passages.Count} passage(s) by BM25 and asked the configured model with them as sources.";
        }
        var exchange = new ChatExchange
        {
            AssistantId = assistantId,
            Conversation = conversation,
            Origin = asker.Origin,
            UserId = asker.UserId,
            WhoName = asker.Name.Length <= ChatLimits.WhoName ? asker.Name : asker.Name[..ChatLimits.WhoName],
            ApiKeyId = asker.ApiKeyId,
            AskedAt = now,
            Question = question,
            Answer = answer.ToString(),
            SupportingContent = ChatPrompt.Sources(passages),
            ThoughtProcess = stopped ? thought + "\nStopped by the asker." : thought,
            Stopped = stopped,
        };
        // Recorded even when the asker stopped or went away: the log is the record of what was said. Saved with the
        // exchanges of concurrent chats in one transaction (ChatLogWriter); done once it is committed.
        await log.WriteAsync(exchange, isNewConversation ? conversation : null, isNewConversation ? null : conversation?.Id, now);
        var citations = passages
            .Select((p, i) => new Citation(i + 1, p.FileName, p.Ordinal + 1))
            .Where(c => exchange.Answer.Contains($"[{c.Number}]", StringComparison.Ordinal))
            .ToList();
        return new ChatAnswer(exchange, citations);
    }
}
