using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Chat;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Admin.ChatLogs;

/// <summary>The admin panel's chat-log filter: any of assistant, asking user and days (SPEC §9).</summary>
public sealed record AdminChatLogFilter(int? AssistantId = null, string? UserId = null, DayRange? Dates = null, ChatOrigin? Origin = null)
{
    public const string AssistantField = "assistantId";
    public const string UserField = "userId";

    public DayRange Days => Dates ?? DayRange.Any;
}

/// <summary>One exchange with everything a Global Admin sees of it, supporting content and thought process included.</summary>
public sealed record AdminChatLogRow(long Id, DateTime AskedAt, int AssistantId, string AssistantName, ChatOrigin Origin,
    string WhoName, string Question, string Answer, bool Stopped, string SupportingContent, string ThoughtProcess);

public sealed record AdminChatLogPage(IReadOnlyList<AdminChatLogRow> Rows, int Total);

/// <summary>
/// Every exchange across assistants, newest first, for Global Admins (SPEC §9 "Chat logs"): one page at a
/// time or the whole filter as CSV. The database filters, counts, sorts and pages. Every call re-checks the
/// section's policy, and the date filter is the Logs tab's own (<see cref="Chat.ChatLogs.Filter"/>).
/// </summary>
public sealed class AdminChatLogs(IDbContextFactory<ApplicationDbContext> dbFactory, AdminSectionGate gate)
{
    public const int MaxPageSize = 200;

    /// <summary>The CSV columns, in order.</summary>
    public static IReadOnlyList<string> CsvHeader { get; } =
        ["When (UTC)", "Assistant", "Who", "Asked as", "Question", "Answer", "Stopped", "Supporting content", "Thought process"];

    /// <summary>Messages per query field for a filter that cannot run (bad dates, unknown assistant or user); empty when it can.</summary>
    public async Task<IReadOnlyDictionary<string, string[]>> ValidateAsync(ClaimsPrincipal user, AdminChatLogFilter filter,
        CancellationToken cancellationToken = default)
    {
        await gate.EnsureAsync(user, AdminPolicies.ChatLogs);
        var errors = new Dictionary<string, string[]>();
        if (filter.Days.Error is { } dates)
        {
            errors[DayRange.ToField] = [dates];
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        if (filter.AssistantId is { } assistantId && !await db.Assistants.AnyAsync(a => a.Id == assistantId, cancellationToken))
        {
            errors[AdminChatLogFilter.AssistantField] = [$"There is no assistant with id {assistantId}."];
        }
        if (filter.UserId is { } userId && !await db.Users.AnyAsync(u => u.Id == userId, cancellationToken))
        {
            errors[AdminChatLogFilter.UserField] = ["There is no such user."];
        }
        return errors;
    }

    public async Task<AdminChatLogPage> PageAsync(ClaimsPrincipal user, AdminChatLogFilter filter, int skip, int take,
        CancellationToken cancellationToken = default)
    {
        await gate.EnsureAsync(user, AdminPolicies.ChatLogs);
        if (filter.Days.Error is not null)
        {
            // A range that ends before it starts holds nothing; the page says why instead of asking.
            return new AdminChatLogPage([], 0);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = Query(db, filter);
        var total = await query.CountAsync(cancellationToken);
        var rows = await Rows(query.Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, MaxPageSize))).ToListAsync(cancellationToken);
        return new AdminChatLogPage(rows, total);
    }

    /// <summary>Writes every exchange of the filter as CSV, streamed row by row from the database.</summary>
    public async Task WriteCsvAsync(ClaimsPrincipal user, AdminChatLogFilter filter, Stream stream, CancellationToken cancellationToken = default)
    {
        await gate.EnsureAsync(user, AdminPolicies.ChatLogs);
        await CsvExport.WriteAsync(stream, CsvHeader, StreamAsync(filter, cancellationToken), row =>
        [
            CsvExport.Instant(row.AskedAt), row.AssistantName, row.WhoName, OriginName(row.Origin), row.Question, row.Answer,
            row.Stopped ? "yes" : "no", row.SupportingContent, row.ThoughtProcess,
        ], cancellationToken);
    }

    /// <summary>Assistants whose name contains <paramref name="text"/>, for the assistant picker.</summary>
    public async Task<IReadOnlyList<PickOption>> AssistantsAsync(ClaimsPrincipal user, string? text, CancellationToken cancellationToken = default)
    {
        await gate.EnsureAsync(user, AdminPolicies.ChatLogs);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Assistants.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var pattern = PickSearch.Anywhere(text);
            query = query.Where(a => EF.Functions.Like(a.Name.ToLower(), pattern, PickSearch.Escape));
        }
        var assistants = await query.OrderBy(a => a.Name).ThenBy(a => a.Id).Take(PickOption.Max)
            .Select(a => new { a.Id, a.Name }).ToListAsync(cancellationToken);
        return assistants.Select(a => new PickOption(a.Id.ToString(CultureInfo.InvariantCulture), a.Name)).ToList();
    }

    /// <summary>Users whose name contains <paramref name="text"/>, for the user picker.</summary>
    public async Task<IReadOnlyList<PickOption>> UsersAsync(ClaimsPrincipal user, string? text, CancellationToken cancellationToken = default)
    {
        await gate.EnsureAsync(user, AdminPolicies.ChatLogs);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.Users.AsNoTracking();
        if (!string.IsNullOrWhiteSpace(text))
        {
            var pattern = PickSearch.Anywhere(text);
            query = query.Where(u => EF.Functions.Like(u.UserName!.ToLower(), pattern, PickSearch.Escape));
        }
        return await query.OrderBy(u => u.UserName).Take(PickOption.Max)
            .Select(u => new PickOption(u.Id, u.UserName!)).ToListAsync(cancellationToken);
    }

    public static string OriginName(ChatOrigin origin) => origin switch
    {
        ChatOrigin.User => "User",
        ChatOrigin.LinkVisitor => "Link visitor",
        ChatOrigin.ApiKey => "API key",
        _ => origin.ToString(),
    };

    private async IAsyncEnumerable<AdminChatLogRow> StreamAsync(AdminChatLogFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await foreach (var row in Rows(Query(db, filter)).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    private static IQueryable<ChatExchange> Query(ApplicationDbContext db, AdminChatLogFilter filter)
    {
        var query = db.ChatExchanges.AsNoTracking();
        if (filter.AssistantId is { } assistantId)
        {
            query = query.Where(e => e.AssistantId == assistantId);
        }
        if (filter.UserId is { } userId)
        {
            query = query.Where(e => e.UserId == userId);
        }
        query = Chat.ChatLogs.Filter(query, new ChatLogFilter(filter.Origin, FromUtc: filter.Days.FromUtc, ToUtc: filter.Days.ToUtcExclusive));
        return query.OrderByDescending(e => e.AskedAt).ThenByDescending(e => e.Id);
    }

    private static IQueryable<AdminChatLogRow> Rows(IQueryable<ChatExchange> query) =>
        query.Select(e => new AdminChatLogRow(e.Id, e.AskedAt, e.AssistantId, e.Assistant.Name, e.Origin, e.WhoName,
            e.Question, e.Answer, e.Stopped, e.SupportingContent, e.ThoughtProcess));
}
