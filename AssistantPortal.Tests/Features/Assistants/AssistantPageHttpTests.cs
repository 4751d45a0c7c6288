using System.Net;
using AngleSharp.Html.Parser;
using AssistantPortal.Data;
using AssistantPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantPortal.Tests.Features.Assistants;

/// <summary>
/// The assistant page over real HTTP, signed in through the real login form: a viewer without access
/// gets a 404 with the not-found page, exactly as for an id that does not exist, never a page with
/// its tabs hidden.
/// </summary>
public sealed class AssistantPageHttpTests(AssistantPageHttpTests.App app) : IClassFixture<AssistantPageHttpTests.App>
{
    private readonly AppFactory _factory = app.Factory;
    private readonly int _assistantId = app.AssistantId;

    /// <summary>One app for the class: the tests only read, so they share its users and assistant.</summary>
    public sealed class App : IAsyncLifetime
    {
        public AppFactory Factory { get; } = new();

        public int AssistantId { get; private set; }

        public async Task InitializeAsync()
        {
            // The first account of a fresh database becomes Global Admin (SPEC §3): make it someone else.
            await Factory.CreateUserAsync("first@example.test");
            var owner = await Factory.CreateUserAsync("olivia@example.test");
            await Factory.CreateUserAsync("mallory@example.test");
            var user = await Factory.CreateUserAsync("ursula@example.test");
            await using var db = Factory.CreateDbContext();
            var assistant = new Assistant
            {
                Name = "Helpdesk bot", OwnerId = owner.Id, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow,
            };
            assistant.UserGrants.Add(new AssistantUserGrant { UserId = user.Id, Level = AccessLevel.UseOnly, GrantedAt = DateTime.UtcNow });
            db.Assistants.Add(assistant);
            await db.SaveChangesAsync();
            AssistantId = assistant.Id;
        }

        public Task DisposeAsync()
        {
            Factory.Dispose();
            return Task.CompletedTask;
        }
    }

    private Task<HttpClient> SignInAsync(string email) => _factory.SignInAsync(email);

    [Fact]
    public async Task Get_AsOwner_Is200WithTheAssistantAndItsTabs()
    {
        using var client = await SignInAsync("olivia@example.test");

        var response = await client.GetAsync($"/assistants/{_assistantId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Helpdesk bot", html);
        Assert.Contains("Settings", html);
    }

    [Fact]
    public async Task Get_AsOutsider_Is404WithTheNotFoundPage()
    {
        using var client = await SignInAsync("mallory@example.test");

        var response = await client.GetAsync($"/assistants/{_assistantId}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var html = await response.Content.ReadAsStringAsync();
        Assert.Contains("Not found", html);
        Assert.DoesNotContain("Helpdesk bot", html);
        Assert.DoesNotContain("Settings", html);
    }

    [Fact]
    public async Task Get_AnIdThatDoesNotExist_IsTheSame404()
    {
        using var client = await SignInAsync("mallory@example.test");

        var unknown = await client.GetAsync($"/assistants/{_assistantId + 1000}");
        var denied = await client.GetAsync($"/assistants/{_assistantId}");

        Assert.Equal(HttpStatusCode.NotFound, unknown.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, denied.StatusCode);
        Assert.Contains("Not found", await unknown.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Get_SignedOut_RedirectsToLogin()
    {
        using var client = _factory.CreateClient(new WebApplicationFactoryClientOptions { AllowAutoRedirect = false });

        var response = await client.GetAsync($"/assistants/{_assistantId}");

        Assert.Equal(HttpStatusCode.Redirect, response.StatusCode);
        Assert.Contains("/Account/Login", response.Headers.Location!.ToString());
    }

    [Fact]
    public async Task GetHome_AsOwner_ShowsMyAssistants()
    {
        using var client = await SignInAsync("olivia@example.test");

        var html = await client.GetStringAsync("/");

        Assert.Contains("My assistants", html);
        Assert.Contains("New assistant", html);
    }

    [Fact]
    public async Task FirstAccount_IsTheOnlyGlobalAdmin_SoTheOthersAreOrdinaryUsers()
    {
        await using var db = _factory.CreateDbContext();

        var admins = await db.Users.Where(u => u.GlobalRole == GlobalRole.GlobalAdmin).Select(u => u.Email).ToListAsync();

        Assert.Equal(["first@example.test"], admins);
    }

    [Fact]
    public async Task Get_AsUseOnly_Is200WithTheChatAndNoTabBar()
    {
        using var client = await SignInAsync("ursula@example.test");

        var response = await client.GetAsync($"/assistants/{_assistantId}");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.Equal("Helpdesk bot", document.QuerySelector("[data-testid=assistant-name]")?.TextContent);
        Assert.Null(document.QuerySelector(".mud-tabs"));
        Assert.Contains("Use only", document.QuerySelector("[data-testid=viewer-level]")?.TextContent);
    }

    [Fact]
    public async Task Get_NewAssistant_SignedIn_Is200WithTheForm()
    {
        using var client = await SignInAsync("mallory@example.test");

        var response = await client.GetAsync("/assistants/new");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync());
        Assert.NotNull(document.QuerySelector("#new-assistant-name"));
    }
}
