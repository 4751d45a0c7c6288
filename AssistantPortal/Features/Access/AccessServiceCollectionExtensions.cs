using AssistantPortal.Data;
using AssistantPortal.Infrastructure.ClusterEvents;
using Microsoft.AspNetCore.Authorization;

namespace AssistantPortal.Features.Access;

public static class AccessServiceCollectionExtensions
{
    /// <summary>The resolver, the assistant authorization handler and the global-role policies.</summary>
    public static IServiceCollection AddAccess(this IServiceCollection services)
    {
        services.AddSingleton<IAccessResolver, AccessResolver>();
        services.AddScoped<AssistantAuthorizer>();
        services.AddSingleton<IAccessChangeEvents, AccessChangeEvents>();
        services.TryAddNoClusterEventCarrier();
        services.AddSingleton<IAuthorizationHandler, AssistantAuthorizationHandler>();
        services.AddSingleton<IAuthorizationHandler, GlobalRoleHandler>();
        services.AddSingleton<IAuthorizationHandler, ReviewerHandler>();
        services.AddAuthorizationBuilder()
            .AddPolicy(Policies.GlobalAdmin, p => p.RequireAuthenticatedUser().AddRequirements(new GlobalRoleRequirement(GlobalRole.GlobalAdmin)))
            .AddPolicy(Policies.ApplicationAdmin, p => p.RequireAuthenticatedUser().AddRequirements(new GlobalRoleRequirement(GlobalRole.ApplicationAdmin)))
            .AddPolicy(Policies.Reviewer, p => p.RequireAuthenticatedUser().AddRequirements(new ReviewerRequirement()));
        foreach (var section in Enum.GetValues<AdminSection>().Where(s => s != AdminSection.None))
        {
            services.AddAuthorizationBuilder().AddPolicy(Policies.Section(section),
                p => p.RequireAuthenticatedUser().AddRequirements(new GlobalRoleRequirement(GlobalRole.User, section)));
        }
        return services;
    }
}
