using System.Net;
using System.Net.Http.Headers;
using System.Text.Json;
using AssistantPortal.E2E.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace AssistantPortal.E2E.Sharing;

/// <summary>SPEC §4.4 and §5: a key generated in the API keys tab is shown once, works on the HTTP API, and is never shown again.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ApiKeyTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    private const string Ana = "ana@e2e.test";

    [ScenarioFact]
    public async Task Generated_key_is_shown_once_works_on_the_api_and_after_a_reload_only_name_type_and_prefix_remain()
    {
        var world = new SharingWorld(App);
        var ana = await world.UserAsync(Ana);
        var assistantId = await world.AssistantAsync(ana, "Helpdesk bot");
        var page = await SignIn.AsAsync(await NewPageAsync(), Ana);
        var screen = new AssistantScreen(page);
        await screen.GotoAsync(assistantId);
        await screen.OpenTabAsync("API keys");

        await page.GetByLabel("Key name", new() { Exact = true }).FillAsync("CRM integration");
        await page.Locator("label").Filter(new() { HasTextRegex = new("^\\s*Read only\\s*$") }).ClickAsync();
        await Expect(page.GetByRole(AriaRole.Radio, new() { Name = "Read only", Exact = true })).ToBeCheckedAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Generate", Exact = true }).ClickAsync();

        await Expect(page.GetByTestId("new-key")).ToContainTextAsync("It will not be shown again.");
        var secret = await page.GetByLabel("New API key", new() { Exact = true }).InputValueAsync();
        Assert.True(secret.Length >= 22, $"The key \"{secret}\" is too short to hold 128 random bits.");

        using var http = new HttpClient { BaseAddress = new Uri(App.BaseUrl) };
        using (var anonymous = await http.GetAsync($"/api/v1/assistants/{assistantId}"))
        {
            Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        }
        using (var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/assistants/{assistantId}"))
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", secret);
            using var response = await http.SendAsync(request);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            using var body = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal("Helpdesk bot", body.RootElement.GetProperty("name").GetString());
        }

        await page.ReloadAsync();
        await page.WaitForInteractiveAsync();
        await screen.OpenTabAsync("API keys");
        var row = page.GetByTestId("key-row");
        await Expect(row).ToHaveCountAsync(1);
        await Expect(row).ToContainTextAsync("CRM integration");
        await Expect(row).ToContainTextAsync("Read only");
        await Expect(page.GetByTestId("new-key")).ToHaveCountAsync(0);
        var prefix = (await row.Locator("code").InnerTextAsync()).TrimEnd('…').Trim();
        Assert.True(prefix.Length > 0 && prefix.Length < secret.Length / 2, $"The shown prefix \"{prefix}\" gives too much of the key away.");
        Assert.StartsWith(prefix, secret, StringComparison.Ordinal);
        var html = await page.ContentAsync();
        Assert.DoesNotContain(secret, html, StringComparison.Ordinal);
        Assert.DoesNotContain(secret[prefix.Length..], html, StringComparison.Ordinal);
    }
}
