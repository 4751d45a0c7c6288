using AssistantPortal.Features.Admin.AuditLog;
using AssistantPortal.Features.Admin.ChatLogs;

namespace AssistantPortal.Features.Admin;

public static class AdminLogsServiceCollectionExtensions
{
    /// <summary>The Global Admin sections that read the records: chat logs and the audit log (SPEC §9).</summary>
    public static IServiceCollection AddAdminLogs(this IServiceCollection services)
    {
        services.AddScoped<AdminSectionGate>();
        services.AddScoped<AdminChatLogs>();
        services.AddScoped<AuditLogQuery>();
        return services;
    }
}
