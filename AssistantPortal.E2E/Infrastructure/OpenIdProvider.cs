using System.Security.Claims;
using Microsoft.AspNetCore;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.IdentityModel.Tokens;
using OpenIddict.Abstractions;
using OpenIddict.Server.AspNetCore;
using static OpenIddict.Abstractions.OpenIddictConstants;

namespace AssistantPortal.E2E.Infrastructure;

/// <summary>
/// A real OpenID Connect provider (OpenIddict's server) on a free loopback port, for single sign-on
/// scenarios: discovery, authorization code flow with PKCE, signed id_tokens, a token and a user-info
/// endpoint, clients kept in an in-memory SQLite store. Its one shortcut is the login step: whoever
/// reaches the authorization endpoint is taken to be <see cref="SignedInUser"/>, as if they had just
/// typed their password there.
/// </summary>
public sealed class OpenIdProvider : IAsyncDisposable
{
    private readonly WebApplication _host;
    private readonly SqliteConnection _store;

    private OpenIdProvider(WebApplication host, SqliteConnection store, string authority)
    {
        _host = host;
        _store = store;
        Authority = authority;
    }

    /// <summary>The issuer address (as <c>localhost</c>, like the app the browser sees).</summary>
    public string Authority { get; }

    /// <summary>The person the provider signs in at its authorization endpoint.</summary>
    public ProviderUser SignedInUser { get; set; } = new("sso-subject-1", "sso.user@e2e.test");

    /// <summary>When on, the authorization endpoint answers <c>access_denied</c>, as when a person cancels at the provider.</summary>
    public bool RefusesSignIn { get; set; }

    /// <summary>How many times the authorization endpoint has signed someone in.</summary>
    public int SignIns => _signIns;

    private int _signIns;

    public static async Task<OpenIdProvider> StartAsync(ILoggerProvider? logs = null)
    {
        // The in-memory database lives as long as this connection stays open.
        var store = new SqliteConnection("Data Source=:memory:");
        await store.OpenAsync();

        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { EnvironmentName = "Development" });
        builder.WebHost.UseKestrel().UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        if (logs is not null)
        {
            builder.Logging.AddProvider(logs);
        }

        builder.Services.AddDbContext<ProviderDbContext>(o => o.UseSqlite(store).UseOpenIddict());
        builder.Services.AddOpenIddict()
            .AddCore(o => o.UseEntityFrameworkCore().UseDbContext<ProviderDbContext>())
            .AddServer(o =>
            {
                o.SetAuthorizationEndpointUris("connect/authorize")
                    .SetTokenEndpointUris("connect/token")
                    .SetUserInfoEndpointUris("connect/userinfo");
                o.AllowAuthorizationCodeFlow().RequireProofKeyForCodeExchange();
                o.RegisterScopes(Scopes.Email, Scopes.Profile);
                o.AddEphemeralEncryptionKey().AddEphemeralSigningKey();
                o.UseAspNetCore()
                    .EnableAuthorizationEndpointPassthrough()
                    .EnableTokenEndpointPassthrough()
                    .EnableUserInfoEndpointPassthrough()
                    // Plain HTTP, on loopback only.
                    .DisableTransportSecurityRequirement();
            });
        builder.Services.AddAuthentication();

        var host = builder.Build();
        host.UseAuthentication();
        OpenIdProvider? provider = null;
        host.MapMethods("/connect/authorize", ["GET", "POST"], (Func<HttpContext, Task<IResult>>)(context => provider!.AuthorizeAsync(context)));
        host.MapPost("/connect/token", (Func<HttpContext, Task<IResult>>)ExchangeAsync);
        host.MapMethods("/connect/userinfo", ["GET", "POST"], (Func<HttpContext, Task<IResult>>)UserInfoAsync);

        await using (var scope = host.Services.CreateAsyncScope())
        {
            await scope.ServiceProvider.GetRequiredService<ProviderDbContext>().Database.EnsureCreatedAsync();
        }
        await host.StartAsync();

        var address = host.Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>().Addresses.Single();
        var port = new Uri(address).Port;
        provider = new OpenIdProvider(host, store, $"http://localhost:{port}/");

        // Read the discovery document and keys once, as the app will: a provider that does not answer
        // fails here, and the first sign-in of a test does not pay for the provider's warm-up.
        using var http = new HttpClient { BaseAddress = new Uri(provider.Authority) };
        using var discovery = System.Text.Json.JsonDocument.Parse(await http.GetStringAsync(".well-known/openid-configuration"));
        await http.GetStringAsync(discovery.RootElement.GetProperty("jwks_uri").GetString());
        return provider;
    }

    /// <summary>Registers a confidential client allowed the code flow with PKCE, answering only to <paramref name="redirectUri"/>.</summary>
    public async Task RegisterClientAsync(string clientId, string clientSecret, Uri redirectUri)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var applications = scope.ServiceProvider.GetRequiredService<IOpenIddictApplicationManager>();
        await applications.CreateAsync(new OpenIddictApplicationDescriptor
        {
            ClientId = clientId,
            ClientSecret = clientSecret,
            ClientType = ClientTypes.Confidential,
            DisplayName = "AssistantPortal under test",
            RedirectUris = { redirectUri },
            Permissions =
            {
                Permissions.Endpoints.Authorization,
                Permissions.Endpoints.Token,
                Permissions.GrantTypes.AuthorizationCode,
                Permissions.ResponseTypes.Code,
                Permissions.Scopes.Email,
                Permissions.Scopes.Profile,
            },
            Requirements = { Requirements.Features.ProofKeyForCodeExchange },
        });
    }

    private Task<IResult> AuthorizeAsync(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("OpenIddict did not validate this authorization request.");
        if (RefusesSignIn)
        {
            var refusal = new AuthenticationProperties(new Dictionary<string, string?>
            {
                [OpenIddictServerAspNetCoreConstants.Properties.Error] = Errors.AccessDenied,
                [OpenIddictServerAspNetCoreConstants.Properties.ErrorDescription] = "The person cancelled the sign-in.",
            });
            return Task.FromResult(Results.Forbid(refusal, [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]));
        }
        var user = SignedInUser;
        Interlocked.Increment(ref _signIns);

        var identity = new ClaimsIdentity(TokenValidationParameters.DefaultAuthenticationType, Claims.Name, Claims.Role);
        identity.AddClaim(Claims.Subject, user.Subject);
        identity.AddClaim(Claims.Email, user.Email);
        identity.AddClaim(Claims.EmailVerified, user.EmailVerified);
        identity.AddClaim(Claims.Name, user.Email);
        identity.SetScopes(request.GetScopes());
        identity.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
        return Task.FromResult(Results.SignIn(new ClaimsPrincipal(identity), authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme));
    }

    /// <summary>The code was validated by OpenIddict (client secret, PKCE verifier, redirect URI); issue tokens for its principal.</summary>
    private static async Task<IResult> ExchangeAsync(HttpContext context)
    {
        var request = context.GetOpenIddictServerRequest()
            ?? throw new InvalidOperationException("OpenIddict did not validate this token request.");
        if (!request.IsAuthorizationCodeGrantType())
        {
            return Results.Forbid(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }
        var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        var principal = result.Principal ?? throw new InvalidOperationException("The authorization code carried no principal.");
        principal.SetDestinations(_ => [Destinations.AccessToken, Destinations.IdentityToken]);
        return Results.SignIn(principal, authenticationScheme: OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
    }

    private static async Task<IResult> UserInfoAsync(HttpContext context)
    {
        var result = await context.AuthenticateAsync(OpenIddictServerAspNetCoreDefaults.AuthenticationScheme);
        if (result.Principal is not { } principal)
        {
            return Results.Challenge(authenticationSchemes: [OpenIddictServerAspNetCoreDefaults.AuthenticationScheme]);
        }
        return Results.Ok(new Dictionary<string, object?>
        {
            [Claims.Subject] = principal.GetClaim(Claims.Subject),
            [Claims.Email] = principal.GetClaim(Claims.Email),
            [Claims.EmailVerified] = principal.GetClaim(Claims.EmailVerified) == "true",
        });
    }

    public async ValueTask DisposeAsync()
    {
        await _host.StopAsync();
        await _host.DisposeAsync();
        await _store.DisposeAsync();
    }

    private sealed class ProviderDbContext(DbContextOptions<ProviderDbContext> options) : DbContext(options);
}

/// <summary>A person at the provider: its stable subject identifier, email, and whether the provider has verified that email.</summary>
public sealed record ProviderUser(string Subject, string Email, bool EmailVerified = true);
