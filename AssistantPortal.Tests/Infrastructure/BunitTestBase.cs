using System.Security.Claims;
using AssistantPortal.Data;
using Bunit;
using Bunit.TestDoubles;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using MudBlazor.Services;

namespace AssistantPortal.Tests.Infrastructure;

/// <summary>
/// Base for component tests: loose JS interop, MudBlazor without transitions, and helpers to set who is
/// signed in. Disposed through <see cref="IAsyncLifetime"/> because MudBlazor's popover service is
/// async-disposable only. Tagged <c>Kind=Component</c> (inherited by every test class built on it).
/// </summary>
[Trait("Kind", "Component")]
public abstract class BunitTestBase : BunitContext, IAsyncLifetime
{
    static BunitTestBase()
    {
        // bunit waits one second by default. With PostgreSQL a component's database work really runs asynchronously,
        // on a machine shared with other builds: the render a test waits for can take longer than that.
        DefaultWaitTimeout = TimeSpan.FromSeconds(15);
    }

    protected BunitTestBase()
    {
        Services.AddTestServices();
        JSInterop.Mode = JSRuntimeMode.Loose;
    }

    /// <summary>Signs in <paramref name="user"/> for the components under test.</summary>
    protected BunitAuthorizationContext SignIn(ApplicationUser user)
    {
        var auth = AddAuthorization();
        auth.SetAuthorized(user.UserName!);
        auth.SetClaims(new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, user.UserName!));
        return auth;
    }

    public Task InitializeAsync() => Task.CompletedTask;

    Task IAsyncLifetime.DisposeAsync() => base.DisposeAsync().AsTask();
}

public static class TestServiceCollectionExtensions
{
    /// <summary>The services every component test needs.</summary>
    public static IServiceCollection AddTestServices(this IServiceCollection services)
    {
        services.AddMudServices(o =>
        {
            o.SnackbarConfiguration.ShowTransitionDuration = 0;
            o.SnackbarConfiguration.HideTransitionDuration = 0;
            o.PopoverOptions.CheckForPopoverProvider = false;
        });
        services.AddSingleton(TimeProvider.System);
        return services;
    }
}
