using System.Security.Claims;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Chat;

namespace AssistantPortal.Features.Links;

/// <summary>
/// Asks an assistant through its view link or widget. The link is checked again on every question, so
/// a reset link or a change of public access stops an open page at its next question (SPEC §4.5), and
/// the exchange is logged as a link visitor's (SPEC §8.3).
/// </summary>
public sealed class AskThroughLink(OpenLink openLink, AssistantChat chat)
{
    /// <summary>
    /// Answers <paramref name="question"/>, streaming to <paramref name="onDelta"/>; throws
    /// <see cref="AssistantNotFoundException"/> when the link no longer lets this visitor chat.
    /// </summary>
    public async Task<ChatAnswer> ExecuteAsync(
        ClaimsPrincipal user, string token, bool embedded, string question,
        Func<string, Task>? onDelta = null, CancellationToken cancellationToken = default)
    {
        var visit = await openLink.ExecuteAsync(user, token, embedded, CancellationToken.None);
        if (visit.Outcome != LinkOutcome.Chat)
        {
            throw new AssistantNotFoundException(visit.AssistantId);
        }
        var viewer = Viewer.From(user);
        var asker = Asker.LinkVisitor(viewer.UserId, viewer.IsSignedIn ? user.Identity?.Name : null);
        try
        {
            return await chat.AskAsync(visit.AssistantId, asker, conversationId: null, question, onDelta, cancellationToken);
        }
        catch (KeyNotFoundException)
        {
            // Deleted between the check and the question.
            throw new AssistantNotFoundException(visit.AssistantId);
        }
    }
}
