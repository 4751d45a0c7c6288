using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantPortal.Tests.Features;

/// <summary>
/// Component tests of the API keys tab and the public-access section on a real database, with the real
/// resolver, the real resource-based authorization and the real use cases behind them.
/// </summary>
public abstract class KeysAndLinksComponentTestBase : BunitTestBase
{
    protected TestDatabase Database { get; } = new();
    protected ManualClock Clock { get; } = new(KeysAndLinksServices.Start);
    protected RecordingAccessChangeEvents Events { get; } = new();
    protected Seed Seed => new(Database);

    /// <summary>Signs <paramref name="viewer"/> in and registers the services; call once, before rendering.</summary>
    protected void SignInWithRealAuthorization(ApplicationUser viewer)
    {
        SignIn(viewer);
        Services.AddKeysAndLinks(Database, Clock, Events);
        // bunit's authorization double answers every check with its fixed state; the sections must be
        // decided by the app's own handler, so the real authorization service replaces it.
        Services.AddTransient<IAuthorizationService, DefaultAuthorizationService>();
    }

    protected Task<AssistantAccess> ResolveAsync(ApplicationUser viewer, Assistant assistant) =>
        new AccessResolver(Database).ResolveAsync(new Viewer(viewer.Id), assistant.Id);

    protected override async ValueTask DisposeAsyncCore()
    {
        await base.DisposeAsyncCore();
        await Database.DisposeAsync();
    }
}
