using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using AssistantPortal.E2E.Infrastructure;
using AssistantPortal.E2E.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace AssistantPortal.E2E.ApiKeys;

/// <summary>SPEC §4.4 in the browser: a new key is shown once; afterwards only its non-secret prefix is.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ApiKeyTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    [ScenarioFact]
    public async Task Generated_key_is_shown_once_and_afterwards_only_its_prefix_is_listed()
    {
        await RegisterAsync("admin@e2e.test");
        var bo = await RegisterAsync("bo@e2e.test");
        var create = new NewAssistantPage(bo.Page);
        await create.GotoAsync();
        var id = await create.CreateAsync("Helpdesk bot");
        var assistant = new AssistantPage(bo.Page);
        await assistant.Tab("API keys").ClickAsync();
        var keys = new ApiKeysTab(bo.Page);

        var secret = await keys.GenerateAsync("Ticket system", "Read only");

        Assert.True(secret.Length >= 30, $"a key of at least 128 random bits, got {secret.Length} characters");
        await Expect(keys.Row("Ticket system")).ToContainTextAsync("Read only");
        var prefix = (await keys.Row("Ticket system").Locator("code").InnerTextAsync()).TrimEnd('…');
        Assert.StartsWith(prefix, secret);
        Assert.True(prefix.Length < secret.Length / 2, "the listed prefix must not give the key away");

        await assistant.GotoAsync(id); // a fresh load of the page
        await assistant.Tab("API keys").ClickAsync();
        await Expect(keys.Row("Ticket system")).ToBeVisibleAsync();
        await Expect(keys.NewKeyPanel).ToHaveCountAsync(0);
        Assert.DoesNotContain(secret, await bo.Page.ContentAsync());
    }

    [ScenarioFact]
    public async Task Key_from_the_browser_works_against_the_HTTP_API_at_its_level_until_it_is_deleted()
    {
        await RegisterAsync("admin@e2e.test");
        var bo = await RegisterAsync("bo@e2e.test");
        var create = new NewAssistantPage(bo.Page);
        await create.GotoAsync();
        var id = await create.CreateAsync("Helpdesk bot");
        await new AssistantPage(bo.Page).Tab("API keys").ClickAsync();
        var keys = new ApiKeysTab(bo.Page);
        var secret = await keys.GenerateAsync("Ticket system", "Read only");

        using var http = new HttpClient { BaseAddress = new Uri(App.BaseUrl) };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", secret);

        var config = await http.GetAsync($"/api/v1/assistants/{id}");
        Assert.Equal(HttpStatusCode.OK, config.StatusCode);
        Assert.Contains("Helpdesk bot", await config.Content.ReadAsStringAsync());
        var chat = await http.PostAsJsonAsync($"/api/v1/assistants/{id}/chat", new { message = "Hello", conversationId = (string?)null });
        Assert.Equal(HttpStatusCode.OK, chat.StatusCode);
        var patch = await http.PatchAsJsonAsync($"/api/v1/assistants/{id}", new { name = "Renamed" });
        Assert.Equal(HttpStatusCode.Forbidden, patch.StatusCode); // Read only may not change settings

        await keys.DeleteAsync("Ticket system");

        var afterDelete = await http.GetAsync($"/api/v1/assistants/{id}");
        Assert.Equal(HttpStatusCode.Unauthorized, afterDelete.StatusCode);
    }
}
