using System.Text;
using AssistantPortal.E2E.Pages;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace AssistantPortal.E2E.Infrastructure;

/// <summary>
/// Base of the browser scenarios. Each test gets a fresh app (its own database) and opens one browser
/// context per person, so several people can act in one test without sharing cookies. Use
/// <see cref="ScenarioFactAttribute"/> on tests: on failure every open page is saved as a screenshot in
/// <see cref="TestArtifacts.Folder"/>, and the page addresses and the app's warnings go to the test output.
/// Derived classes need <c>[Collection(BrowserCollection.Name)]</c> (xunit does not inherit it).
/// </summary>
public abstract class BrowserTest(BrowserFixture browser, ITestOutputHelper output) : IAsyncLifetime, ICaptureOnFailure
{
    /// <summary>The password every test person gets; it satisfies Identity's default rules.</summary>
    public const string Password = "Passw0rd!e2e";

    private readonly List<IBrowserContext> _contexts = [];

    protected KestrelAppFactory App { get; } = new();

    protected ITestOutputHelper Output { get; } = output;

    /// <summary>The real SMTP server the app sends to, when <see cref="UsesSmtp"/> is on.</summary>
    protected SmtpSink Smtp => _smtp ?? throw new InvalidOperationException($"Override {nameof(UsesSmtp)} to get an SMTP server.");

    private SmtpSink? _smtp;

    /// <summary>Start a real SMTP server and point the app's mail at it.</summary>
    protected virtual bool UsesSmtp => false;

    /// <summary>Settings for the app before it starts (<see cref="KestrelAppFactory.Settings"/>).</summary>
    protected virtual void ConfigureApp(KestrelAppFactory app)
    {
    }

    public virtual async Task InitializeAsync()
    {
        if (UsesSmtp)
        {
            _smtp = await SmtpSink.StartNewAsync();
            App.UseSmtp(_smtp);
        }
        ConfigureApp(App);
        App.StartServer();
    }

    /// <summary>
    /// A new person: a browser context with its own cookies, light colour scheme, a desktop-sized window, browsing
    /// <see cref="App"/> or, when given, another instance at <paramref name="baseUrl"/>.
    /// </summary>
    protected async Task<IPage> NewPageAsync(string? baseUrl = null)
    {
        var context = await browser.Browser.NewContextAsync(new BrowserNewContextOptions
        {
            BaseURL = baseUrl ?? App.BaseUrl,
            ColorScheme = ColorScheme.Light,
            ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
            Locale = "en-US",
            TimezoneId = "UTC",
        });
        context.SetDefaultTimeout(30_000);
        _contexts.Add(context);
        return await context.NewPageAsync();
    }

    /// <summary>Registers a new account in a new browser context; the person is signed in afterwards.</summary>
    protected async Task<Person> RegisterAsync(string email)
    {
        var page = await NewPageAsync();
        await new RegisterPage(page).RegisterAsync(email, Password);
        return new Person(email, Password, page);
    }

    public async Task CaptureFailureAsync(string testName)
    {
        var report = new StringBuilder();
        var n = 0;
        foreach (var page in _contexts.SelectMany(c => c.Pages))
        {
            n++;
            var file = TestArtifacts.PathFor(testName, $"-{n}.png");
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = file, FullPage = true, Timeout = 10_000 });
            report.AppendLine($"Page {n}: {page.Url}");
            report.AppendLine($"  screenshot: {file}");
        }
        var logs = App.Logs.Lines;
        if (logs.Count > 0)
        {
            report.AppendLine("App warnings and errors:");
            foreach (var line in logs.TakeLast(40))
            {
                report.AppendLine("  " + line);
            }
        }
        Output.WriteLine(report.ToString());
    }

    public virtual async Task DisposeAsync()
    {
        foreach (var context in _contexts)
        {
            await context.CloseAsync();
        }
        await App.DisposeAsync();
        if (_smtp is not null)
        {
            await _smtp.DisposeAsync();
        }
    }
}

/// <summary>A person in a scenario: their account and the browser page they are signed in on.</summary>
public sealed record Person(string Email, string Password, IPage Page);
