using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Admin.OutgoingMail;
using AssistantPortal.Features.Audit;
using AssistantPortal.Features.Email;
using AssistantPortal.Tests.Features.Email;
using AssistantPortal.Tests.Infrastructure;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantPortal.Tests.Features.Admin.OutgoingMail;

/// <summary>The Outgoing mail section on a real database and a real SMTP server: states, reading, resend.</summary>
public sealed class OutgoingMailPageTests : BunitTestBase, IAsyncLifetime
{
    private readonly OutboxHarness _harness = new();
    private SmtpSink _sink = null!;
    private long _deadId;

    public new async Task InitializeAsync()
    {
        _sink = await SmtpSink.StartNewAsync();
        var admin = await _harness.Seed.UserAsync("gina", GlobalRole.GlobalAdmin);
        await AddAsync("waiting@example.test", "Still waiting", OutboxStatus.Waiting, attempts: 1, error: "421 try later");
        await AddAsync("sent@example.test", "Went out", OutboxStatus.Sent, attempts: 1);
        _deadId = await AddAsync("dead@example.test", "Never arrived", OutboxStatus.Dead, attempts: 3, error: "550 mailbox unavailable");
        SignIn(admin);
        Services.AddSingleton<IDbContextFactory<ApplicationDbContext>>(_harness);
        Services.AddSingleton(_harness.Signal);
        Services.AddSingleton<IAuditLog, AssistantPortal.Features.Audit.AuditLog>();
        Services.AddSingleton<OutboxAdmin>();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _harness.DisposeAsync();
        await _sink.DisposeAsync();
    }

    [Fact]
    public void Open_AsGlobalAdmin_ShowsCountsPerStateAndTheWaitingMail()
    {
        var cut = Render<OutgoingMailPage>();

        // The counts and the table's rows are loaded separately.
        cut.WaitForAssertion(() =>
        {
            Assert.Contains("Still waiting", cut.Find("[data-testid=mail-table]").TextContent);
            Assert.Equal(["Waiting (1)", "Dead (1)", "Sent (1)"], cut.FindAll(".mud-tab").Select(t => t.TextContent.Trim()));
        });
        Assert.Equal("421 try later", cut.Find("[data-testid=mail-last-error]").TextContent);
        Assert.DoesNotContain("Never arrived", cut.Find("[data-testid=mail-table]").TextContent);
    }

    [Fact]
    public void View_ADeadMessage_ShowsSubjectRecipientAndPlainBody()
    {
        var cut = OpenDeadTab();

        cut.ClickWhenReady(() => cut.FindAll("button").Single(b => b.TextContent.Trim() == "View"));

        cut.WaitForAssertion(() => Assert.Equal("Plain text of Never arrived", cut.Find("[data-testid=mail-message-body]").TextContent));
        var message = cut.Find("[data-testid=mail-message]").TextContent;
        Assert.Contains("Never arrived", message);
        Assert.Contains("To: dead@example.test", message);
    }

    [Fact]
    public async Task Resend_ADeadMessage_MakesItWaitingAuditsItAndTheSenderDeliversIt()
    {
        var cut = OpenDeadTab();

        cut.ClickWhenReady(() => cut.Find("[data-testid=mail-resend]"));

        cut.WaitForAssertion(() => Assert.Equal("Dead (0)", cut.FindAll(".mud-tab")[1].TextContent.Trim()));
        var row = await _harness.RowAsync(_deadId);
        Assert.Equal(OutboxStatus.Waiting, row.Status);
        Assert.Equal(0, row.Attempts);
        await using (var db = _harness.CreateDbContext())
        {
            var entry = await db.AuditEntries.SingleAsync();
            Assert.Equal(AuditAction.MailResent, entry.Action);
            Assert.Equal("gina", entry.ActorName);
            Assert.Equal("dead@example.test", entry.Target);
        }

        await _harness.StartSmtpSenderAsync(OutboxHarness.SmtpOptions(_sink));

        await Eventually.UntilAsync(async () => (await _harness.RowAsync(_deadId)).Status == OutboxStatus.Sent, "the resent message is sent");
        Assert.Contains(_sink.Messages(), m => m.Subject == "Never arrived");
    }

    [Fact]
    public async Task Resend_AMessageNoLongerDead_IsRefusedWithAMessageAndChangesNothing()
    {
        var cut = OpenDeadTab();
        // Another admin resent it and it went out while this page still showed it as dead.
        await using (var db = _harness.CreateDbContext())
        {
            await db.OutboxMessages.Where(m => m.Id == _deadId)
                .ExecuteUpdateAsync(s => s.SetProperty(m => m.Status, OutboxStatus.Sent).SetProperty(m => m.Attempts, 1));
        }

        cut.ClickWhenReady(() => cut.Find("[data-testid=mail-resend]"));

        cut.WaitForAssertion(() => Assert.Equal(OutboxAdmin.NotDeadMessage, cut.Find("[data-testid=mail-error]").TextContent.Trim()));
        var row = await _harness.RowAsync(_deadId);
        Assert.Equal(OutboxStatus.Sent, row.Status);
        Assert.Equal(1, row.Attempts);
        await using var check = _harness.CreateDbContext();
        Assert.False(await check.AuditEntries.AnyAsync());
    }

    private IRenderedComponent<OutgoingMailPage> OpenDeadTab()
    {
        var cut = Render<OutgoingMailPage>();
        cut.WaitForAssertion(() => Assert.Contains("Still waiting", cut.Find("[data-testid=mail-table]").TextContent));
        cut.ClickWhenReady(() => cut.FindAll(".mud-tab").Single(t => t.TextContent.Contains("Dead")));
        cut.WaitForAssertion(() => Assert.Contains("550 mailbox unavailable", cut.Find("[data-testid=mail-table]").TextContent));
        return cut;
    }

    private async Task<long> AddAsync(string to, string subject, OutboxStatus status, int attempts, string? error = null)
    {
        await using var db = _harness.CreateDbContext();
        var message = OutboxHarness.Mail(to, subject);
        var row = new OutboxMessage
        {
            To = to, Subject = subject, TextBody = message.TextBody, HtmlBody = message.HtmlBody, CreatedAt = DateTime.UtcNow,
            Status = status, Attempts = attempts, LastError = error, SentAt = status == OutboxStatus.Sent ? DateTime.UtcNow : null,
            // Waiting mail is due in an hour, so no sender started by a test picks it up.
            NextAttemptAt = status == OutboxStatus.Waiting ? DateTime.UtcNow.AddHours(1) : null,
        };
        db.OutboxMessages.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    }
}
