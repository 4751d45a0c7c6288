using AssistantPortal.Features.Admin.Users;
using AssistantPortal.Features.Admin.Aliases;
using AssistantPortal.Features.Admin.Analytics;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Policy;

namespace AssistantPortal.Features.Admin;

public static class AdminServiceCollectionExtensions
{
    /// <summary>The admin panel (SPEC §9): section services, and denials that look like not-found.</summary>
    public static IServiceCollection AddAdmin(this IServiceCollection services)
    {
        services.AddScoped<CurrentGlobalRole>();
        services.AddUserAdministration();
        services.AddAliases();
        services.AddScoped<AnalyticsQuery>();
        services.AddScoped<Groups.GroupsAdminQuery>();
        services.AddAdminLogs();
        services.AddSingleton<IAuthorizationMiddlewareResultHandler, NotFoundWhenForbidden>();
        return services;
    }
}

/// <summary>
/// A signed-in viewer whom a page's policy refuses gets 404, exactly as for an address that does not
/// exist: a denied viewer learns nothing about what exists (an anonymous one is still asked to sign in).
/// </summary>
public sealed class NotFoundWhenForbidden : IAuthorizationMiddlewareResultHandler
{
    private readonly AuthorizationMiddlewareResultHandler _default = new();

    public Task HandleAsync(RequestDelegate next, HttpContext context, AuthorizationPolicy policy, PolicyAuthorizationResult authorizeResult)
    {
        if (authorizeResult.Forbidden)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return Task.CompletedTask;
        }
        return _default.HandleAsync(next, context, policy, authorizeResult);
    }
}
