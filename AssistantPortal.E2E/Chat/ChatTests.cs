using AssistantPortal.E2E.Infrastructure;
using AssistantPortal.E2E.Pages;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace AssistantPortal.E2E.Chat;

/// <summary>The offline chat engine in the browser: answers come from the uploaded knowledge.</summary>
[Collection(BrowserCollection.Name)]
public sealed class ChatTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    private const string Vpn =
        "Resetting the VPN token: open the Self Service portal and choose Reset token. Tokens expire after 90 days.";

    [ScenarioFact]
    public async Task Answer_quotes_the_uploaded_document_and_only_the_global_admin_gets_the_supporting_content()
    {
        var admin = await RegisterAsync("admin@e2e.test");
        var bo = await RegisterAsync("bo@e2e.test");
        // Everything the server sends bo's browser over the circuit, from the next page load on.
        var boTraffic = CaptureCircuitTraffic(bo.Page);
        var adminTraffic = CaptureCircuitTraffic(admin.Page);
        var create = new NewAssistantPage(bo.Page);
        await create.GotoAsync();
        var id = await create.CreateAsync("Helpdesk bot");
        var boAssistant = new AssistantPage(bo.Page);
        await boAssistant.Tab("Knowledge").ClickAsync();
        await new KnowledgeTab(bo.Page).UploadTextAsync("vpn.txt", Vpn);

        await boAssistant.Tab("Chat").ClickAsync();
        var boChat = new ChatTab(bo.Page);
        await boChat.AskAsync("How do I reset the VPN token?");
        await Expect(boChat.LastAnswer).ToContainTextAsync("Self Service portal");
        await Expect(boChat.LastSupportingContent).ToHaveCountAsync(0);
        await boAssistant.Tab("Logs").ClickAsync();
        await Expect(bo.Page.Locator("[data-testid=log-question]").First).ToContainTextAsync("How do I reset the VPN token?");

        var adminAssistant = new AssistantPage(admin.Page);
        await adminAssistant.GotoAsync(id);
        await Expect(adminAssistant.Name).ToHaveTextAsync("Helpdesk bot");
        var adminChat = new ChatTab(admin.Page);
        await adminChat.AskAsync("When do VPN tokens expire?");
        await Expect(adminChat.LastAnswer).ToContainTextAsync("90 days");
        await Expect(adminChat.LastSupportingContent).ToBeVisibleAsync();

        // The owner's circuit never carried the supporting content or the thought process, not even
        // hidden: neither the passages as sources, nor the engine's reasoning, nor the panel for them.
        // The Global Admin's circuit did carry the panel, so the capture itself is known to work.
        Assert.Contains(Markers.Panel, adminTraffic.Text);
        foreach (var marker in new[] { Markers.Panel, Markers.Sources, Markers.Thought })
        {
            Assert.DoesNotContain(marker, boTraffic.Text);
        }
        Assert.Contains("Self Service portal", boTraffic.Text);
    }

    private static class Markers
    {
        public const string Panel = "Supporting content and thought process";
        public const string Sources = "Answer from these sources";
        public const string Thought = "Search terms:";
    }

    /// <summary>Collects the circuit's WebSocket frames (Blazor's render batches carry their strings as UTF-8).</summary>
    private static CircuitTraffic CaptureCircuitTraffic(Microsoft.Playwright.IPage page)
    {
        var traffic = new CircuitTraffic();
        page.WebSocket += (_, socket) => socket.FrameReceived += (_, frame) => traffic.Add(
            frame.Text ?? System.Text.Encoding.UTF8.GetString(frame.Binary ?? []));
        return traffic;
    }

    private sealed class CircuitTraffic
    {
        private readonly System.Text.StringBuilder _text = new();

        public string Text
        {
            get
            {
                lock (_text)
                {
                    return _text.ToString();
                }
            }
        }

        public void Add(string frame)
        {
            lock (_text)
            {
                _text.Append(frame);
            }
        }
    }
}
