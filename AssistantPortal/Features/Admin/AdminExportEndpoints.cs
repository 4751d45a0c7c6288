using System.Globalization;
using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Admin.AuditLog;
using AssistantPortal.Features.Admin.ChatLogs;

namespace AssistantPortal.Features.Admin;

/// <summary>
/// The admin panel's CSV downloads (SPEC §9): the filter of the page as query values, the file streamed from
/// the database. Guarded by the section's policy, so a viewer who may not open the page gets the same 404;
/// bad values answer 400 with a problem-details body naming the field, and nothing is queried.
/// </summary>
public static class AdminExportEndpoints
{
    public const string ChatLogsPath = "/admin/chat-logs/export";
    public const string AuditLogPath = "/admin/audit/export";

    public static IEndpointRouteBuilder MapAdminExports(this IEndpointRouteBuilder endpoints)
    {
        endpoints.MapGet(ChatLogsPath, ExportChatLogsAsync).RequireAuthorization(AdminPolicies.ChatLogs).ExcludeFromDescription();
        endpoints.MapGet(AuditLogPath, ExportAuditLogAsync).RequireAuthorization(AdminPolicies.AuditLog).ExcludeFromDescription();
        return endpoints;
    }

    /// <summary>The query string of a chat-log export of <paramref name="filter"/>.</summary>
    public static string ChatLogsUrl(AdminChatLogFilter filter) => Url(ChatLogsPath,
        (AdminChatLogFilter.AssistantField, filter.AssistantId?.ToString(CultureInfo.InvariantCulture)),
        (AdminChatLogFilter.UserField, filter.UserId),
        (DayRange.FromField, DayRange.Format(filter.Days.From)),
        (DayRange.ToField, DayRange.Format(filter.Days.To)));

    /// <summary>The query string of an audit-log export of <paramref name="filter"/>.</summary>
    public static string AuditLogUrl(AuditLogFilter filter) => Url(AuditLogPath,
        ("actorUserId", filter.ActorUserId),
        ("assistantId", filter.AssistantId?.ToString(CultureInfo.InvariantCulture)),
        ("action", filter.Action?.ToString()),
        (DayRange.FromField, DayRange.Format(filter.Days.From)),
        (DayRange.ToField, DayRange.Format(filter.Days.To)));

    private static async Task<IResult> ExportChatLogsAsync(ClaimsPrincipal user, AdminChatLogs logs, TimeProvider clock,
        string? assistantId, string? userId, string? from, string? to, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var filter = new AdminChatLogFilter(
            ParseId(assistantId, AdminChatLogFilter.AssistantField, errors),
            string.IsNullOrWhiteSpace(userId) ? null : userId.Trim(),
            DayRange.Parse(from, to, errors));
        if (errors.Count == 0)
        {
            foreach (var (field, messages) in await logs.ValidateAsync(user, filter, cancellationToken))
            {
                errors[field] = messages;
            }
        }
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors, title: "The export filter is not valid.");
        }
        return Results.Stream(stream => logs.WriteCsvAsync(user, filter, stream, cancellationToken),
            CsvExport.ContentType, CsvExport.FileName("chat-logs", clock.GetUtcNow()));
    }

    private static IResult ExportAuditLogAsync(ClaimsPrincipal user, AuditLogQuery audit, TimeProvider clock,
        string? actorUserId, string? assistantId, string? action, string? from, string? to, CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var filter = new AuditLogFilter(
            string.IsNullOrWhiteSpace(actorUserId) ? null : actorUserId.Trim(),
            ParseId(assistantId, "assistantId", errors),
            ParseAction(action, errors),
            DayRange.Parse(from, to, errors));
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors, title: "The export filter is not valid.");
        }
        return Results.Stream(stream => audit.WriteCsvAsync(user, filter, stream, cancellationToken),
            CsvExport.ContentType, CsvExport.FileName("audit-log", clock.GetUtcNow()));
    }

    private static int? ParseId(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        if (int.TryParse(value.Trim(), NumberStyles.None, CultureInfo.InvariantCulture, out var id) && id > 0)
        {
            return id;
        }
        errors[field] = [$"'{value}' is not an id; an id is a positive whole number."];
        return null;
    }

    private static AuditAction? ParseAction(string? value, Dictionary<string, string[]> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }
        // By name only: a number would let any value through Enum.TryParse.
        if (Enum.TryParse<AuditAction>(value.Trim(), ignoreCase: true, out var action) && Enum.IsDefined(action)
            && !char.IsDigit(value.Trim()[0]))
        {
            return action;
        }
        errors["action"] = [$"'{value}' is not a kind of audit entry."];
        return null;
    }

    private static string Url(string path, params (string Name, string? Value)[] values)
    {
        var query = values.Where(v => !string.IsNullOrEmpty(v.Value))
            .Select(v => $"{v.Name}={Uri.EscapeDataString(v.Value!)}");
        var joined = string.Join("&", query);
        return joined.Length == 0 ? path : $"{path}?{joined}";
    }
}
