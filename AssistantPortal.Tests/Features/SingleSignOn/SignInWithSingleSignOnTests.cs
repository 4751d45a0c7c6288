using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.SingleSignOn;
using AssistantPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantPortal.Tests.Features.SingleSignOn;

/// <summary>
/// The use case behind the provider's callback, on the app's real Identity and a fresh migrated SQLite
/// file per test (the first account of an installation is special). The browser round trip through a
/// real provider is in the E2E tests.
/// </summary>
public sealed class SignInWithSingleSignOnTests : IDisposable
{
    private const string Provider = "OpenIdConnect";
    private const string Email = "sso.user@example.test";

    private readonly AppFactory _app = new();

    [Fact]
    public async Task ExecuteAsync_FirstLoginOfTheInstallation_CreatesGlobalAdmin()
    {
        var (result, signedIn) = await ExecuteAsync(Login("subject-1", Email));

        Assert.Equal(SingleSignOnOutcome.AccountCreated, result.Outcome);
        Assert.True(signedIn);
        Assert.Equal(GlobalRole.GlobalAdmin, (await AccountAsync(Email)).GlobalRole);
    }

    [Fact]
    public async Task ExecuteAsync_FirstLoginAfterALocalAccount_CreatesConfirmedUserLinkedToTheProvider()
    {
        await _app.CreateUserAsync("admin@example.test");

        var (result, signedIn) = await ExecuteAsync(Login("subject-1", Email));

        Assert.Equal(SingleSignOnOutcome.AccountCreated, result.Outcome);
        Assert.True(signedIn);
        var user = await AccountAsync(Email);
        Assert.Equal(GlobalRole.User, user.GlobalRole);
        Assert.True(user.EmailConfirmed);
        await using var db = _app.CreateDbContext();
        var login = await db.UserLogins.SingleAsync();
        Assert.Equal((user.Id, Provider, "subject-1"), (login.UserId, login.LoginProvider, login.ProviderKey));
    }

    [Fact]
    public async Task ExecuteAsync_ReturningLogin_SignsInTheSameAccount()
    {
        await _app.CreateUserAsync("admin@example.test");
        await ExecuteAsync(Login("subject-1", Email));

        // The provider's email may change; the subject is what identifies the person.
        var (result, signedIn) = await ExecuteAsync(Login("subject-1", "renamed@example.test"));

        Assert.Equal(SingleSignOnOutcome.SignedIn, result.Outcome);
        Assert.True(signedIn);
        await using var db = _app.CreateDbContext();
        Assert.Equal(2, await db.Users.CountAsync());
    }

    [Fact]
    public async Task ExecuteAsync_LockedAccount_IsLockedOutAndNotSignedIn()
    {
        await _app.CreateUserAsync("admin@example.test");
        await ExecuteAsync(Login("subject-1", Email));
        await using (var scope = _app.Services.CreateAsyncScope())
        {
            var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
            await users.SetLockoutEndDateAsync((await users.FindByEmailAsync(Email))!, DateTimeOffset.UtcNow.AddYears(1));
        }

        var (result, signedIn) = await ExecuteAsync(Login("subject-1", Email));

        Assert.Equal(SingleSignOnOutcome.LockedOut, result.Outcome);
        Assert.False(signedIn);
    }

    [Fact]
    public async Task ExecuteAsync_EmailOfALocalAccount_IsRefusedAndNotLinked()
    {
        await _app.CreateUserAsync(Email);

        var (result, signedIn) = await ExecuteAsync(Login("subject-1", Email.ToUpperInvariant()));

        Assert.Equal(SingleSignOnOutcome.EmailTaken, result.Outcome);
        Assert.False(signedIn);
        await using var db = _app.CreateDbContext();
        Assert.Equal(1, await db.Users.CountAsync());
        Assert.Equal(0, await db.UserLogins.CountAsync());
    }

    [Fact]
    public async Task ExecuteAsync_EmailTheProviderHasNotVerified_CreatesNoAccount()
    {
        var (result, signedIn) = await ExecuteAsync(Login("subject-1", Email, emailVerified: "false"));

        Assert.Equal(SingleSignOnOutcome.NoVerifiedEmail, result.Outcome);
        Assert.False(signedIn);
        await using var db = _app.CreateDbContext();
        Assert.Equal(0, await db.Users.CountAsync());
    }

    [Fact]
    public async Task ExecuteAsync_NoEmailFromTheProvider_CreatesNoAccount()
    {
        var (result, signedIn) = await ExecuteAsync(Login("subject-1", email: null));

        Assert.Equal(SingleSignOnOutcome.NoVerifiedEmail, result.Outcome);
        Assert.False(signedIn);
        await using var db = _app.CreateDbContext();
        Assert.Equal(0, await db.Users.CountAsync());
    }

    private static ExternalLoginInfo Login(string subject, string? email, string? emailVerified = "true")
    {
        var claims = new List<Claim> { new(ClaimTypes.NameIdentifier, subject) };
        if (email is not null)
        {
            claims.Add(new(ClaimTypes.Email, email));
        }
        if (emailVerified is not null)
        {
            claims.Add(new("email_verified", emailVerified));
        }
        return new ExternalLoginInfo(new ClaimsPrincipal(new ClaimsIdentity(claims, Provider)), Provider, subject, "Company SSO");
    }

    /// <summary>Runs the use case in a request of its own; reports whether the response signs the person in.</summary>
    private async Task<(SingleSignOnResult Result, bool SignedIn)> ExecuteAsync(ExternalLoginInfo login)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        var http = new DefaultHttpContext { RequestServices = scope.ServiceProvider };
        scope.ServiceProvider.GetRequiredService<IHttpContextAccessor>().HttpContext = http;

        var result = await scope.ServiceProvider.GetRequiredService<SignInWithSingleSignOn>().ExecuteAsync(login);

        var signedIn = http.Response.Headers.SetCookie.Any(c => c!.StartsWith(".AspNetCore.Identity.Application=", StringComparison.Ordinal));
        return (result, signedIn);
    }

    private async Task<ApplicationUser> AccountAsync(string email)
    {
        await using var db = _app.CreateDbContext();
        return await db.Users.SingleAsync(u => u.Email == email);
    }

    public void Dispose() => _app.Dispose();
}
