using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Assistants;
using AssistantPortal.Features.Audit;
using AssistantPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;

namespace AssistantPortal.Tests.Features.Assistants;

/// <summary>The assistants feature wired as the app wires it, on a <see cref="TestDatabase"/>.</summary>
public static class AssistantTestServices
{
    /// <summary>
    /// Registers the real resolver, the real authorization service and handler (replacing bunit's fake,
    /// which would not run resource-based handlers), the audit log and the assistant use cases.
    /// </summary>
    public static IServiceCollection AddAssistantFeature(this IServiceCollection services, TestDatabase database)
    {
        services.AddSingleton<IDbContextFactory<ApplicationDbContext>>(database);
        services.TryAddSingleton(TimeProvider.System);
        services.AddLogging();
        services.AddAccess();
        services.AddTransient<IAuthorizationService, DefaultAuthorizationService>();
        services.AddAudit();
        services.AddAssistants();
        return services;
    }

    /// <summary>A service provider for use-case tests (no components).</summary>
    public static ServiceProvider Build(TestDatabase database) =>
        new ServiceCollection().AddAssistantFeature(database).BuildServiceProvider();

    /// <summary>The principal a signed-in <paramref name="user"/> has in the app.</summary>
    public static ClaimsPrincipal Principal(ApplicationUser user) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, user.UserName!)], "Test"));
}
