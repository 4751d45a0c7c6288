namespace AssistantPortal.Features.Sharing;

public static class SharingServiceCollectionExtensions
{
    /// <summary>The sharing commands and queries of the Access tab (SPEC §2.2, §4.1–4.3).</summary>
    public static IServiceCollection AddSharing(this IServiceCollection services)
    {
        services.AddSingleton<SharingMessages>();
        services.AddSingleton<TargetGrantWriter>();
        services.AddScoped<TargetShareFlow>();
        services.AddScoped<ShareWithUser>();
        services.AddScoped<ShareWithTeam>();
        services.AddScoped<ShareWithOrganization>();
        services.AddScoped<ChangeUserGrantLevel>();
        services.AddScoped<RemoveUserGrant>();
        services.AddScoped<ChangeTargetGrantLevel>();
        services.AddScoped<RemoveTargetGrant>();
        services.AddScoped<WithdrawShareRequest>();
        services.AddScoped<AccessListQuery>();
        services.AddScoped<ShareTargetSearch>();
        services.AddScoped<ExplainAccess>();
        return services;
    }
}
