using AssistantPortal.Data;
using AssistantPortal.Features.Chat;
using AssistantPortal.Features.Knowledge;
using Microsoft.Extensions.AI;

namespace AssistantPortal.Features.Evaluation;

/// <summary>
/// Asks an assistant one test question the way the chat does — the same retrieval, the same prompt
/// shape (instructions, numbered sources, question), the same <see cref="IChatClient"/> the assistant is
/// configured with — but records nothing in the chat log. Evaluation questions are not conversations:
/// logging them would fill the Logs tab and the usage analytics with test traffic, and the run already
/// stores every answer with its score. The prompt is <see cref="ChatPrompt"/>, as in <see cref="AssistantChat"/>.
/// </summary>
public sealed class EvaluationEngine(KnowledgeSearch search, IChatClientProvider clients)
{
    public async Task<string> AskAsync(ApplicationDbContext db, Assistant assistant, string question, CancellationToken cancellationToken = default)
    {
        var passages = await search.SearchAsync(db, assistant.Id, question, Math.Clamp(assistant.MaxPassages, 1, 10), cancellationToken);
        var prompt = ChatPrompt.For(assistant, passages, question);
        var response = await (await clients.ForAsync(assistant, cancellationToken)).GetResponseAsync(prompt.Messages, prompt.Options, cancellationToken);
        return response.Text;
    }
}
