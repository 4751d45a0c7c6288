using Microsoft.Playwright;

namespace AssistantPortal.E2E.Infrastructure;

/// <summary>
/// One chromium for the whole collection: starting it costs seconds, a fresh context (cookies, storage)
/// per person per test costs milliseconds and isolates just as well.
/// </summary>
public sealed class BrowserFixture : IAsyncLifetime
{
    private IPlaywright? _playwright;

    public IBrowser Browser { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        // Blazor Server on a busy two-core machine: the defaults (5 s for assertions) are too tight.
        Assertions.SetDefaultExpectTimeout(15_000);
        (_playwright, Browser) = await Chromium.LaunchAsync();
    }

    public async Task DisposeAsync()
    {
        if (Browser is not null)
        {
            await Browser.CloseAsync();
        }
        _playwright?.Dispose();
    }
}

/// <summary>
/// Every browser test class joins this collection: they share one chromium and run one after another,
/// which on two cores is also faster than running apps side by side.
/// </summary>
[CollectionDefinition(Name)]
public sealed class BrowserCollection : ICollectionFixture<BrowserFixture>
{
    public const string Name = "Browser";
}
