using AssistantPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace AssistantPortal.Tests.Features.SingleSignOn;

/// <summary>
/// The sign-in page offers the OpenID Connect provider exactly when one is configured. No provider is
/// contacted here: its discovery document is read only when someone clicks the button (see the E2E tests).
/// </summary>
public sealed class SingleSignOnLoginPageTests
{
    private const string ProviderButton = "name=\"provider\" value=\"OpenIdConnect\"";

    [Fact]
    public async Task LoginPage_WithProviderConfigured_OffersItsButton()
    {
        using var app = new AppFactory();
        using var configured = app.WithWebHostBuilder(b => b
            .UseSetting("Authentication:OpenIdConnect:Authority", "https://sso.example.test/")
            .UseSetting("Authentication:OpenIdConnect:ClientId", "assistant-portal")
            .UseSetting("Authentication:OpenIdConnect:ClientSecret", "secret")
            .UseSetting("Authentication:OpenIdConnect:DisplayName", "Contoso <SSO>"));
        using var client = configured.CreateClient();

        var html = await client.GetStringAsync("/Account/Login");

        Assert.Contains(ProviderButton, html);
        Assert.Contains(">Contoso &lt;SSO&gt;</button>", html);
        Assert.Contains("action=\"Account/PerformExternalLogin\"", html);
    }

    [Fact]
    public async Task LoginPage_WithoutProvider_HasNoProviderButton()
    {
        using var app = new AppFactory();
        using var client = app.CreateClient();

        var html = await client.GetStringAsync("/Account/Login");

        Assert.Contains("Use a local account to log in.", html);
        Assert.DoesNotContain(ProviderButton, html);
        Assert.DoesNotContain("PerformExternalLogin", html);
    }

    [Fact]
    public async Task LoginPage_WithClientIdButNoAuthority_HasNoProviderButton()
    {
        using var app = new AppFactory();
        using var configured = app.WithWebHostBuilder(b => b.UseSetting("Authentication:OpenIdConnect:ClientId", "assistant-portal"));
        using var client = configured.CreateClient();

        var html = await client.GetStringAsync("/Account/Login");

        Assert.DoesNotContain(ProviderButton, html);
    }
}
