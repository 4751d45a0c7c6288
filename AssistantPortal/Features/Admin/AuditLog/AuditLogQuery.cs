using System.Globalization;
using System.Runtime.CompilerServices;
using System.Security.Claims;
using AssistantPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Admin.AuditLog;

/// <summary>The audit log's filter: any of actor, assistant, kind of change and days (SPEC §9).</summary>
public sealed record AuditLogFilter(string? ActorUserId = null, int? AssistantId = null, AuditAction? Action = null, DayRange? Dates = null)
{
    public DayRange Days => Dates ?? DayRange.Any;
}

public sealed record AuditLogRow(long Id, DateTime At, AuditAction Action, string? ActorUserId, string ActorName,
    int? AssistantId, string? AssistantName, string? Target, string Details);

public sealed record AuditLogRows(IReadOnlyList<AuditLogRow> Rows, int Total);

/// <summary>
/// Every audit entry, newest first, for Global Admins (SPEC §9 "Audit log"): one page at a time or the whole
/// filter as CSV. The database filters, counts, sorts and pages; every call re-checks the section's policy.
/// The pickers offer the actors and assistants the log mentions, so a deleted assistant can still be chosen.
/// </summary>
public sealed class AuditLogQuery(IDbContextFactory<ApplicationDbContext> dbFactory, AdminSectionGate gate)
{
    public const int MaxPageSize = 200;

    public static IReadOnlyList<string> CsvHeader { get; } = ["When (UTC)", "Action", "Actor", "Assistant", "Target", "Details"];

    public async Task<AuditLogRows> PageAsync(ClaimsPrincipal user, AuditLogFilter filter, int skip, int take,
        CancellationToken cancellationToken = default)
    {
        await gate.EnsureAsync(user, AdminPolicies.AuditLog);
        if (filter.Days.Error is not null)
        {
            return new AuditLogRows([], 0);
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = Query(db, filter);
        var total = await query.CountAsync(cancellationToken);
        var rows = await Rows(query.Skip(Math.Max(0, skip)).Take(Math.Clamp(take, 1, MaxPageSize))).ToListAsync(cancellationToken);
        return new AuditLogRows(rows, total);
    }

    /// <summary>Writes every entry of the filter as CSV, streamed row by row from the database.</summary>
    public async Task WriteCsvAsync(ClaimsPrincipal user, AuditLogFilter filter, Stream stream, CancellationToken cancellationToken = default)
    {
        await gate.EnsureAsync(user, AdminPolicies.AuditLog);
        await CsvExport.WriteAsync(stream, CsvHeader, StreamAsync(filter, cancellationToken), row =>
        [
            CsvExport.Instant(row.At), ActionName(row.Action), row.ActorName, row.AssistantName, row.Target, row.Details,
        ], cancellationToken);
    }

    /// <summary>The actors the log mentions (by user id) whose name contains <paramref name="text"/>.</summary>
    public async Task<IReadOnlyList<PickOption>> ActorsAsync(ClaimsPrincipal user, string? text, CancellationToken cancellationToken = default)
    {
        await gate.EnsureAsync(user, AdminPolicies.AuditLog);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.AuditEntries.AsNoTracking().Where(e => e.ActorUserId != null);
        if (!string.IsNullOrWhiteSpace(text))
        {
            var pattern = PickSearch.Anywhere(text);
            query = query.Where(e => EF.Functions.Like(e.ActorName.ToLower(), pattern, PickSearch.Escape));
        }
        // The newest name an actor was recorded under stands for them.
        var actors = await query.GroupBy(e => e.ActorUserId!)
            .Select(g => new { Id = g.Key, Last = g.Max(e => e.Id) })
            .Join(db.AuditEntries, g => g.Last, e => e.Id, (g, e) => new { g.Id, e.ActorName })
            .OrderBy(a => a.ActorName).Take(PickOption.Max).ToListAsync(cancellationToken);
        return actors.Select(a => new PickOption(a.Id, a.ActorName)).ToList();
    }

    /// <summary>The assistants the log mentions whose name contains <paramref name="text"/>, deleted ones included.</summary>
    public async Task<IReadOnlyList<PickOption>> AssistantsAsync(ClaimsPrincipal user, string? text, CancellationToken cancellationToken = default)
    {
        await gate.EnsureAsync(user, AdminPolicies.AuditLog);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var query = db.AuditEntries.AsNoTracking().Where(e => e.AssistantId != null);
        if (!string.IsNullOrWhiteSpace(text))
        {
            var pattern = PickSearch.Anywhere(text);
            query = query.Where(e => EF.Functions.Like(e.AssistantName!.ToLower(), pattern, PickSearch.Escape));
        }
        var assistants = await query.GroupBy(e => e.AssistantId!.Value)
            .Select(g => new { Id = g.Key, Last = g.Max(e => e.Id) })
            .Join(db.AuditEntries, g => g.Last, e => e.Id, (g, e) => new { g.Id, e.AssistantName })
            .OrderBy(a => a.AssistantName).Take(PickOption.Max).ToListAsync(cancellationToken);
        return assistants.Select(a => new PickOption(a.Id.ToString(CultureInfo.InvariantCulture), a.AssistantName ?? $"#{a.Id}")).ToList();
    }

    /// <summary>An action kind as people read it: "UserGrantAdded" → "User grant added".</summary>
    public static string ActionName(AuditAction action)
    {
        var name = action.ToString();
        if (int.TryParse(name, out _))
        {
            return name;
        }
        var words = new System.Text.StringBuilder();
        foreach (var c in name)
        {
            if (char.IsUpper(c) && words.Length > 0)
            {
                words.Append(' ');
                words.Append(char.ToLowerInvariant(c));
            }
            else
            {
                words.Append(c);
            }
        }
        return words.ToString().Replace("api key", "API key");
    }

    private async IAsyncEnumerable<AuditLogRow> StreamAsync(AuditLogFilter filter, [EnumeratorCancellation] CancellationToken cancellationToken)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await foreach (var row in Rows(Query(db, filter)).AsAsyncEnumerable().WithCancellation(cancellationToken))
        {
            yield return row;
        }
    }

    private static IQueryable<AuditEntry> Query(ApplicationDbContext db, AuditLogFilter filter)
    {
        var query = db.AuditEntries.AsNoTracking();
        if (filter.ActorUserId is { } actor)
        {
            query = query.Where(e => e.ActorUserId == actor);
        }
        if (filter.AssistantId is { } assistantId)
        {
            query = query.Where(e => e.AssistantId == assistantId);
        }
        if (filter.Action is { } action)
        {
            query = query.Where(e => e.Action == action);
        }
        if (filter.Days.FromUtc is { } from)
        {
            query = query.Where(e => e.At >= from);
        }
        if (filter.Days.ToUtcExclusive is { } to)
        {
            query = query.Where(e => e.At < to);
        }
        return query.OrderByDescending(e => e.At).ThenByDescending(e => e.Id);
    }

    private static IQueryable<AuditLogRow> Rows(IQueryable<AuditEntry> query) =>
        query.Select(e => new AuditLogRow(e.Id, e.At, e.Action, e.ActorUserId, e.ActorName, e.AssistantId, e.AssistantName, e.Target, e.Details));
}
