using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Chat;

/// <summary>Filters of the Logs tab.</summary>
public sealed record ChatLogFilter(ChatOrigin? Origin = null, string? Text = null, DateTime? FromUtc = null, DateTime? ToUtc = null);

/// <summary>A log entry; <see cref="SupportingContent"/> and <see cref="ThoughtProcess"/> are null unless the viewer is a Global Admin.</summary>
public sealed record ChatLogRow(long Id, DateTime AskedAt, ChatOrigin Origin, string WhoName, string Question, string Answer,
    bool Stopped, string? SupportingContent, string? ThoughtProcess);

public sealed record ChatLogPage(IReadOnlyList<ChatLogRow> Rows, int Total);

/// <summary>
/// Every exchange of an assistant, newest first (SPEC §8.3), for viewers who may read logs. The
/// supporting content and thought process are selected from the database only for Global Admins, so
/// nothing else ever holds them in memory or sends them over a circuit.
/// </summary>
public sealed class ChatLogs(IDbContextFactory<ApplicationDbContext> dbFactory, AssistantAuthorizer authorizer, IAuthorizationService authorization)
{
    public const int MaxPageSize = 200;

    public async Task<ChatLogPage> PageAsync(ClaimsPrincipal user, int assistantId, ChatLogFilter filter, int skip, int take,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var access = await authorizer.AuthorizeOrThrowAsync(db, user, assistantId, AssistantOperations.ReadLogs, cancellationToken);
        var withSupport = (await authorization.AuthorizeAsync(user, access, AssistantOperations.ViewSupportingContent)).Succeeded;
        return await PageAsync(db, assistantId, filter, skip, take, withSupport, cancellationToken);
    }

    /// <summary>The query itself, for callers that authorized otherwise (the HTTP API with a key).</summary>
    public static async Task<ChatLogPage> PageAsync(ApplicationDbContext db, int assistantId, ChatLogFilter filter, int skip, int take,
        bool withSupport, CancellationToken cancellationToken = default)
    {
        var query = Filter(db.ChatExchanges.AsNoTracking().Where(e => e.AssistantId == assistantId), filter);
        var total = await query.CountAsync(cancellationToken);
        var rows = await query
            .OrderByDescending(e => e.AskedAt).ThenByDescending(e => e.Id)
            .Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, MaxPageSize))
            .Select(e => new ChatLogRow(e.Id, e.AskedAt, e.Origin, e.WhoName, e.Question, e.Answer, e.Stopped,
                withSupport ? e.SupportingContent : null, withSupport ? e.ThoughtProcess : null))
            .ToListAsync(cancellationToken);
        return new ChatLogPage(rows, total);
    }

    /// <summary>Applies <paramref name="filter"/>; shared with the admin panel's chat logs across assistants.</summary>
    public static IQueryable<ChatExchange> Filter(IQueryable<ChatExchange> query, ChatLogFilter filter)
    {
        if (filter.Origin is { } origin)
        {
            query = query.Where(e => e.Origin == origin);
        }
        if (!string.IsNullOrWhiteSpace(filter.Text))
        {
            var text = filter.Text.Trim();
            query = query.Where(e => e.Question.Contains(text) || e.Answer.Contains(text) || e.WhoName.Contains(text));
        }
        if (filter.FromUtc is { } from)
        {
            query = query.Where(e => e.AskedAt >= from);
        }
        if (filter.ToUtc is { } to)
        {
            query = query.Where(e => e.AskedAt < to);
        }
        return query;
    }
}
