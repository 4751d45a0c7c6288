using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Admin.Analytics;

/// <summary>A count on one day (UTC).</summary>
public sealed record DayCount(DateOnly Day, int Count);

/// <summary>An assistant and how many exchanges it had in the period.</summary>
public sealed record AssistantUsage(int AssistantId, string Name, int Exchanges);

/// <summary>
/// The figures and series of the Analytics page for the days <see cref="From"/> to <see cref="To"/>
/// (inclusive, UTC). Totals are as of now; the "in period" figures and the series cover the period, and
/// every series has one entry per day of the period, zero where nothing happened.
/// </summary>
public sealed record AnalyticsReport(
    DateOnly From,
    DateOnly To,
    int TotalUsers,
    int NewUsers,
    int TotalAssistants,
    int NewAssistants,
    int Conversations,
    int Exchanges,
    int TotalShares,
    int NewShares,
    int PendingShareRequests,
    IReadOnlyList<DayCount> NewUsersPerDay,
    IReadOnlyList<DayCount> ConversationsPerDay,
    IReadOnlyList<DayCount> ExchangesPerDay,
    IReadOnlyList<AssistantUsage> TopAssistants);

/// <summary>The answer of <see cref="AnalyticsQuery"/>: a report, or the message for bad dates, or not found.</summary>
public sealed record AnalyticsResult(AnalyticsReport? Report, string? Error, bool NotFound = false);

/// <summary>
/// SPEC §9 "Analytics": users, assistants, conversations and messages over time, most-used assistants,
/// shares and pending requests. Every count and every per-day series is computed by the database
/// (COUNT with GROUP BY day); only the days without rows are filled in here.
/// </summary>
public sealed class AnalyticsQuery(IDbContextFactory<ApplicationDbContext> dbFactory)
{
    public const int MaxDays = 366;
    public const int TopCount = 10;
    public const string FromAfterTo = "The start date must be on or before the end date.";
    public static readonly string TooLong = $"Choose a period of at most {MaxDays} days.";

    public async Task<AnalyticsResult> ExecuteAsync(ClaimsPrincipal user, DateOnly from, DateOnly to, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var actor = await Actor.LoadAsync(db, user, cancellationToken);
        if (actor is null || !GlobalRoles.AdminSections(actor.Role).HasFlag(AdminSection.Analytics))
        {
            return new AnalyticsResult(null, null, NotFound: true);
        }
        if (from > to)
        {
            return new AnalyticsResult(null, FromAfterTo);
        }
        if (to.DayNumber - from.DayNumber + 1 > MaxDays)
        {
            return new AnalyticsResult(null, TooLong);
        }

        var start = from.ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);
        var end = to.AddDays(1).ToDateTime(TimeOnly.MinValue, DateTimeKind.Utc);

        var newUsersPerDay = await db.Users.Where(u => u.CreatedAt >= start && u.CreatedAt < end)
            .GroupBy(u => u.CreatedAt.Date).Select(g => new { Day = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => DateOnly.FromDateTime(g.Day), g => g.Count, cancellationToken);
        var conversationsPerDay = await db.Conversations.Where(c => c.CreatedAt >= start && c.CreatedAt < end)
            .GroupBy(c => c.CreatedAt.Date).Select(g => new { Day = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => DateOnly.FromDateTime(g.Day), g => g.Count, cancellationToken);
        var exchangesPerDay = await db.ChatExchanges.Where(e => e.AskedAt >= start && e.AskedAt < end)
            .GroupBy(e => e.AskedAt.Date).Select(g => new { Day = g.Key, Count = g.Count() })
            .ToDictionaryAsync(g => DateOnly.FromDateTime(g.Day), g => g.Count, cancellationToken);

        var top = await db.ChatExchanges.Where(e => e.AskedAt >= start && e.AskedAt < end)
            .GroupBy(e => e.AssistantId).Select(g => new { AssistantId = g.Key, Count = g.Count() })
            .OrderByDescending(g => g.Count).ThenBy(g => g.AssistantId).Take(TopCount)
            .Join(db.Assistants, g => g.AssistantId, a => a.Id, (g, a) => new { g.AssistantId, a.Name, g.Count })
            .ToListAsync(cancellationToken);

        var totalShares = await db.AssistantUserGrants.CountAsync(cancellationToken)
            + await db.AssistantTeamGrants.CountAsync(cancellationToken)
            + await db.AssistantOrganizationGrants.CountAsync(cancellationToken);
        var newShares = await db.AssistantUserGrants.CountAsync(g => g.GrantedAt >= start && g.GrantedAt < end, cancellationToken)
            + await db.AssistantTeamGrants.CountAsync(g => g.GrantedAt >= start && g.GrantedAt < end, cancellationToken)
            + await db.AssistantOrganizationGrants.CountAsync(g => g.GrantedAt >= start && g.GrantedAt < end, cancellationToken);

        return new AnalyticsResult(new AnalyticsReport(
            from,
            to,
            TotalUsers: await db.Users.CountAsync(cancellationToken),
            NewUsers: newUsersPerDay.Values.Sum(),
            TotalAssistants: await db.Assistants.CountAsync(cancellationToken),
            NewAssistants: await db.Assistants.CountAsync(a => a.CreatedAt >= start && a.CreatedAt < end, cancellationToken),
            Conversations: conversationsPerDay.Values.Sum(),
            Exchanges: exchangesPerDay.Values.Sum(),
            TotalShares: totalShares,
            NewShares: newShares,
            PendingShareRequests: await db.ShareRequests.CountAsync(r => r.Status == ShareRequestStatus.Pending, cancellationToken),
            NewUsersPerDay: Days(from, to, newUsersPerDay),
            ConversationsPerDay: Days(from, to, conversationsPerDay),
            ExchangesPerDay: Days(from, to, exchangesPerDay),
            TopAssistants: top.OrderByDescending(t => t.Count).ThenBy(t => t.AssistantId)
                .Select(t => new AssistantUsage(t.AssistantId, t.Name, t.Count)).ToList()), null);
    }

    /// <summary>One entry per day from <paramref name="from"/> to <paramref name="to"/>, zero where the database had no row.</summary>
    private static List<DayCount> Days(DateOnly from, DateOnly to, IReadOnlyDictionary<DateOnly, int> counts)
    {
        var days = new List<DayCount>(to.DayNumber - from.DayNumber + 1);
        for (var day = from; day <= to; day = day.AddDays(1))
        {
            days.Add(new DayCount(day, counts.GetValueOrDefault(day)));
        }
        return days;
    }
}
