using AssistantPortal.Data;
using AssistantPortal.E2E.Infrastructure;
using Microsoft.Playwright;
using Xunit.Abstractions;
using static Microsoft.Playwright.Assertions;

namespace AssistantPortal.E2E.Admin;

/// <summary>The Global Admin log sections in a real browser: chat logs with an exchange opened, the audit log, the outbox.</summary>
[Collection(BrowserCollection.Name)]
public sealed class AdminLogsTests(BrowserFixture browser, ITestOutputHelper output) : BrowserTest(browser, output)
{
    [ScenarioFact]
    public async Task Global_admin_expands_an_exchange_to_read_its_supporting_content()
    {
        // The first account of a fresh app is its Global Admin.
        var admin = await RegisterAsync("gina@example.test");
        await using (var db = App.CreateDbContext())
        {
            var owner = db.Users.Single();
            var assistant = new Assistant { Name = "Helpdesk", OwnerId = owner.Id, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
            db.Assistants.Add(assistant);
            await db.SaveChangesAsync();
            db.ChatExchanges.Add(new ChatExchange
            {
                AssistantId = assistant.Id, Origin = ChatOrigin.ApiKey, WhoName = "API key: build bot", AskedAt = DateTime.UtcNow,
                Question = "How do I print?", Answer = "Use the blue button.", SupportingContent = "[1] printers.md: the blue button prints",
                ThoughtProcess = "Matched 1 passage",
            });
            await db.SaveChangesAsync();
        }

        await admin.Page.GotoInteractiveAsync("/admin/chat-logs");
        await Expect(admin.Page.GetByText("How do I print?")).ToBeVisibleAsync();
        await Expect(admin.Page.GetByText("[1] printers.md: the blue button prints")).Not.ToBeVisibleAsync();

        await admin.Page.GetByRole(AriaRole.Button, new() { NameRegex = new System.Text.RegularExpressions.Regex("Supporting content and thought process") }).ClickAsync();

        await Expect(admin.Page.GetByText("[1] printers.md: the blue button prints")).ToBeVisibleAsync();
        await Expect(admin.Page.GetByText("Matched 1 passage")).ToBeVisibleAsync();
    }

    [ScenarioFact]
    public async Task Global_admin_opens_the_audit_log_and_the_outgoing_mail()
    {
        var admin = await RegisterAsync("gina@example.test");

        await admin.Page.GotoInteractiveAsync("/admin/audit");
        await Expect(admin.Page.GetByRole(AriaRole.Heading, new() { Name = "Audit log" })).ToBeVisibleAsync();
        await admin.Page.GotoInteractiveAsync("/admin/mail");
        await Expect(admin.Page.GetByRole(AriaRole.Tab, new() { NameRegex = new System.Text.RegularExpressions.Regex(@"^Dead \(\d+\)$", System.Text.RegularExpressions.RegexOptions.IgnoreCase) })).ToBeVisibleAsync();
    }
}
