namespace AssistantPortal.Features.Audit;

public static class AuditServiceCollectionExtensions
{
    public static IServiceCollection AddAudit(this IServiceCollection services)
    {
        services.AddSingleton<IAuditLog, AuditLog>();
        return services;
    }
}
