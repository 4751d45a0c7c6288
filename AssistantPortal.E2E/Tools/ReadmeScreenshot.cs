using AssistantPortal.Data;
using AssistantPortal.E2E.Infrastructure;
using AssistantPortal.E2E.Pages;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Playwright;

namespace AssistantPortal.E2E.Tools;

/// <summary>
/// Makes the README's screenshot: the app with its demo data, on a throw-away data folder, shown to a
/// signed-in person on the My assistants page. Run by <c>.ci/screenshot</c>; the test runner never calls it.
/// </summary>
/// <remarks>
/// The person is <c>--email</c> if given, else the first Global Admin of the demo data (whose password is
/// set here, on the throw-away copy, so the tool does not depend on the seeder's passwords), else a newly
/// registered account when there is no demo data at all.
/// </remarks>
public static class ReadmeScreenshot
{
    private const string Password = "Screenshot-Passw0rd!";

    public static async Task<int> Main(string[] args)
    {
        if (args.Length < 2 || args[0] != "screenshot")
        {
            Console.Error.WriteLine("usage: AssistantPortal.E2E screenshot OUTPUT.png [--email EMAIL] [--path /assistants]");
            return 2;
        }
        var output = Path.GetFullPath(args[1]);
        var email = Option(args, "--email");
        var path = Option(args, "--path") ?? "/assistants";

        await using var app = new KestrelAppFactory();
        app.Settings["Portal:SeedDemoData"] = "true";
        app.StartServer();

        email = await PrepareAccountAsync(app, email);
        var (playwright, browser) = await Chromium.LaunchAsync();
        try
        {
            var context = await browser.NewContextAsync(new BrowserNewContextOptions
            {
                BaseURL = app.BaseUrl,
                ColorScheme = ColorScheme.Light,
                ViewportSize = new ViewportSize { Width = 1280, Height = 800 },
                DeviceScaleFactor = 1,
                Locale = "en-US",
                TimezoneId = "UTC",
            });
            context.SetDefaultTimeout(60_000);
            var page = await context.NewPageAsync();
            if (email is null)
            {
                email = "demo@example.com";
                await new RegisterPage(page).RegisterAsync(email, Password);
            }
            else
            {
                await new LoginPage(page).SignInAsync(email, Password);
                await Assertions.Expect(new AppBar(page).SignedInUser).ToHaveTextAsync(email);
            }

            await page.GotoInteractiveAsync(path);
            // Let the list load: no progress indicator left, no request in flight.
            await page.Locator(".mud-progress-linear, .mud-progress-circular").Last.WaitForAsync(new() { State = WaitForSelectorState.Hidden });
            await page.WaitForLoadStateAsync(LoadState.NetworkIdle);
            await page.Mouse.MoveAsync(0, 799); // no hover effects in the picture

            Directory.CreateDirectory(Path.GetDirectoryName(output)!);
            await page.ScreenshotAsync(new PageScreenshotOptions { Path = output });
            Console.WriteLine($"saved {output} ({path} as {email})");
            return 0;
        }
        finally
        {
            await browser.CloseAsync();
            playwright.Dispose();
        }
    }

    /// <summary>Gives the chosen (or first Global Admin) account a known password; null when there are no accounts.</summary>
    private static async Task<string?> PrepareAccountAsync(KestrelAppFactory app, string? email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = email is not null
            ? await users.FindByEmailAsync(email) ?? throw new InvalidOperationException($"No account {email} in the demo data.")
            : await users.Users.Where(u => u.GlobalRole == GlobalRole.GlobalAdmin).OrderBy(u => u.CreatedAt).FirstOrDefaultAsync();
        if (user is null)
        {
            return null;
        }
        await users.RemovePasswordAsync(user);
        var added = await users.AddPasswordAsync(user, Password);
        if (!added.Succeeded)
        {
            throw new InvalidOperationException(string.Join("; ", added.Errors.Select(e => e.Description)));
        }
        await users.SetLockoutEndDateAsync(user, null);
        return user.Email;
    }

    private static string? Option(string[] args, string name)
    {
        var i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? args[i + 1] : null;
    }
}
