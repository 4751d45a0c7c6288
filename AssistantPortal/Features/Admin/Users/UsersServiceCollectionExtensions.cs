using AssistantPortal.Infrastructure.ClusterEvents;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.Extensions.Options;

namespace AssistantPortal.Features.Admin.Users;

public static class UsersServiceCollectionExtensions
{
    /// <summary>The Users section (SPEC §9): the list, the role and lock commands, and what makes open sessions follow them.</summary>
    public static IServiceCollection AddUserAdministration(this IServiceCollection services)
    {
        services.AddScoped<UserDirectory>();
        services.AddScoped<ChangeGlobalRole>();
        services.AddScoped<LockUser>();
        services.AddScoped<UnlockUser>();
        services.AddSingleton<IUserSessionEvents, UserSessionEvents>();
        services.TryAddNoClusterEventCarrier();
        services.AddSingleton<IPostConfigureOptions<CookieAuthenticationOptions>, LockedAccountCookieCheck>();
        return services;
    }
}
