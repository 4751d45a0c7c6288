namespace AssistantPortal.Features.Approvals;

public static class ApprovalsServiceCollectionExtensions
{
    /// <summary>The Inbox and the decisions on share requests (SPEC §7).</summary>
    public static IServiceCollection AddApprovals(this IServiceCollection services)
    {
        services.AddScoped<ShareRequestDecision>();
        services.AddScoped<InboxQuery>();
        services.AddScoped<ApproveShareRequest>();
        services.AddScoped<DeleteShareRequest>();
        return services;
    }
}
