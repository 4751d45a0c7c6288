using AssistantPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AssistantPortal.Features.Sharing;

public static class SharingServiceCollectionExtensions
{
    /// <summary>The sharing commands and queries of the Access tab (SPEC §2.2, §4.1–4.3).</summary>
    public static IServiceCollection AddSharing(this IServiceCollection services)
    {
        // Bound from the "Sharing" section where the host has a configuration (the app); defaults otherwise.
        services.AddSingleton<IConfigureOptions<SharingOptions>>(sp => new ConfigureNamedOptions<SharingOptions>(Options.DefaultName,
            o => sp.GetService<IConfiguration>()?.GetSection(SharingOptions.Section).Bind(o)));
        services.AddSingleton<MemberFanOutSignal>();
        services.AddSingleton<MemberFanOutSignalInterceptor>();
        services.ConfigureDbContext<ApplicationDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<MemberFanOutSignalInterceptor>()));
        services.AddSingleton<MemberFanOutWorker>();
        services.AddHostedService(sp => sp.GetRequiredService<MemberFanOutWorker>());
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
