namespace AssistantPortal.Features.Approvals;

public static class ApprovalsServiceCollectionExtensions
{
    public static IServiceCollection AddApprovals(this IServiceCollection services)
    {
        return services;
    }
}
