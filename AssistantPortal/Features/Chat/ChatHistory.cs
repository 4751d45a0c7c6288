using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Chat;

public sealed record ConversationRow(int Id, string Title, DateTime UpdatedAt);

/// <summary>An exchange as the chat shows it; the supporting content and thought process only for Global Admins.</summary>
public sealed record ChatTurn(long Id, string Question, string Answer, DateTime AskedAt, bool Stopped, string? SupportingContent, string? ThoughtProcess);

/// <summary>A signed-in user's own conversations with an assistant (SPEC §8.1): list and continue.</summary>
public sealed class ChatHistory(IDbContextFactory<ApplicationDbContext> dbFactory, AssistantAuthorizer authorizer, IAuthorizationService authorization)
{
    public async Task<IReadOnlyList<ConversationRow>> ConversationsAsync(ClaimsPrincipal user, int assistantId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var access = await authorizer.AuthorizeOrThrowAsync(db, user, assistantId, AssistantOperations.Use, cancellationToken);
        return await db.Conversations.AsNoTracking()
            .Where(c => c.AssistantId == assistantId && c.UserId == access.ViewerId)
            .OrderByDescending(c => c.UpdatedAt).Take(100)
            .Select(c => new ConversationRow(c.Id, c.Title, c.UpdatedAt))
            .ToListAsync(cancellationToken);
    }

    /// <summary>The turns of one of the viewer's conversations, oldest first; a conversation of someone else is not found.</summary>
    public async Task<IReadOnlyList<ChatTurn>> TurnsAsync(ClaimsPrincipal user, int assistantId, int conversationId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var access = await authorizer.AuthorizeOrThrowAsync(db, user, assistantId, AssistantOperations.Use, cancellationToken);
        var owned = await db.Conversations.AnyAsync(c => c.Id == conversationId && c.AssistantId == assistantId && c.UserId == access.ViewerId, cancellationToken);
        if (!owned)
        {
            throw new AssistantNotFoundException(assistantId);
        }
        var withSupport = (await authorization.AuthorizeAsync(user, access, AssistantOperations.ViewSupportingContent)).Succeeded;
        return await db.ChatExchanges.AsNoTracking()
            .Where(e => e.ConversationId == conversationId)
            .OrderBy(e => e.AskedAt).ThenBy(e => e.Id)
            .Select(e => new ChatTurn(e.Id, e.Question, e.Answer, e.AskedAt, e.Stopped,
                withSupport ? e.SupportingContent : null, withSupport ? e.ThoughtProcess : null))
            .ToListAsync(cancellationToken);
    }
}
