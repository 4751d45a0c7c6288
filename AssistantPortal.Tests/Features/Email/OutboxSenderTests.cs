using AssistantPortal.Data;
using AssistantPortal.Tests.Infrastructure;
using MimeKit;

namespace AssistantPortal.Tests.Features.Email;

/// <summary>The outbox sender against a real SMTP server (aiosmtpd) and a real SQLite database.</summary>
public sealed class OutboxSenderTests : IAsyncLifetime
{
    private readonly OutboxHarness _harness = new();
    private SmtpSink _sink = null!;

    public async Task InitializeAsync() => _sink = await SmtpSink.StartNewAsync();

    public async Task DisposeAsync()
    {
        await _harness.DisposeAsync();
        await _sink.DisposeAsync();
    }

    [Fact]
    public async Task Send_WithSmtpServer_DeliversOneMessageWithPlainTextAndHtml()
    {
        await _harness.StartSmtpSenderAsync(OutboxHarness.SmtpOptions(_sink));

        var ids = await _harness.EnqueueAsync(OutboxHarness.Mail("ana@example.test", "Shared with you"));

        await Eventually.UntilAsync(() => _sink.Count == 1, "the server received the message");
        var received = Assert.Single(_sink.Messages());
        Assert.Equal("Shared with you", received.Subject);
        Assert.Equal("ana@example.test", Assert.Single(received.To.Mailboxes).Address);
        Assert.Equal("portal@example.test", Assert.Single(received.From.Mailboxes).Address);
        var alternative = Assert.IsType<MultipartAlternative>(received.Body);
        Assert.Equal(2, alternative.Count);
        Assert.Equal("Plain text of Shared with you", received.TextBody?.Trim());
        Assert.Contains("HTML of <strong>Shared with you</strong>", received.HtmlBody);

        await Eventually.UntilAsync(async () => (await _harness.RowAsync(ids[0])).Status == OutboxStatus.Sent, "the row is marked sent");
        var row = await _harness.RowAsync(ids[0]);
        Assert.NotNull(row.SentAt);
        Assert.Null(row.LastError);
        Assert.Equal(1, row.Attempts);
    }

    [Fact]
    public async Task Send_WhileServerIsDown_MailWaitsAndNeverDies()
    {
        _sink.Stop();
        var options = OutboxHarness.SmtpOptions(_sink);
        await _harness.StartSmtpSenderAsync(options);

        await _harness.EnqueueAsync(OutboxHarness.Mail("ana@example.test", "One"), OutboxHarness.Mail("bo@example.test", "Two"));

        // Well past MaxAttempts: a server that is down does not make mail dead.
        await Eventually.UntilAsync(async () => (await _harness.RowsAsync()).All(r => r.Attempts > options.MaxAttempts + 1),
            "every message was tried more often than MaxAttempts");
        var rows = await _harness.RowsAsync();
        Assert.All(rows, r =>
        {
            Assert.Equal(OutboxStatus.Waiting, r.Status);
            Assert.Null(r.SentAt);
            Assert.Contains("Cannot reach the mail server", r.LastError);
        });
        Assert.Equal(0, _sink.Count);
    }

    [Fact]
    public async Task Send_WhenServerComesBack_DeliversEveryWaitingMessageExactlyOnce()
    {
        _sink.Stop();
        await _harness.StartSmtpSenderAsync(OutboxHarness.SmtpOptions(_sink));
        var subjects = Enumerable.Range(1, 5).Select(i => $"Message {i}").ToArray();
        await _harness.EnqueueAsync(subjects.Select(s => OutboxHarness.Mail("ana@example.test", s)).ToArray());
        await Eventually.UntilAsync(async () => (await _harness.RowsAsync()).All(r => r.Attempts >= 2), "every message failed twice");

        await _sink.StartAsync();

        await Eventually.UntilAsync(async () => (await _harness.RowsAsync()).All(r => r.Status == OutboxStatus.Sent), "every message is sent");
        var received = _sink.Messages();
        Assert.Equal(subjects.Order(), received.Select(m => m.Subject).Order());
        Assert.Equal(subjects.Length, received.Select(m => m.MessageId).Distinct().Count());
    }

    [Fact]
    public async Task Send_ToARefusedRecipient_IsDeadAfterMaxAttempts_AndOtherMailStillGoes()
    {
        var options = OutboxHarness.SmtpOptions(_sink);
        await _harness.StartSmtpSenderAsync(options);

        var ids = await _harness.EnqueueAsync(
            OutboxHarness.Mail("refuse-me@example.test", "Never arrives"), OutboxHarness.Mail("ana@example.test", "Arrives"));

        await Eventually.UntilAsync(async () => (await _harness.RowAsync(ids[0])).Status == OutboxStatus.Dead, "the refused message is dead");
        var dead = await _harness.RowAsync(ids[0]);
        Assert.Equal(options.MaxAttempts, dead.Attempts);
        Assert.Contains("550", dead.LastError);
        Assert.Null(dead.SentAt);
        await Eventually.UntilAsync(async () => (await _harness.RowAsync(ids[1])).Status == OutboxStatus.Sent, "the other message is sent");
        Assert.Equal("Arrives", Assert.Single(_sink.Messages()).Subject);
    }

    [Fact]
    public async Task Send_WithTwoSendersOnOneDatabase_DeliversEveryMessageExactlyOnce()
    {
        var options = OutboxHarness.SmtpOptions(_sink);
        options.BatchSize = 5;
        // As two app instances would: each with its own wake-up.
        var otherInstance = new AssistantPortal.Features.Email.OutboxSignal();
        await _harness.StartSmtpSenderAsync(options);
        await _harness.StartSmtpSenderAsync(options, otherInstance);

        var subjects = Enumerable.Range(1, 30).Select(i => $"Bulk {i}").ToArray();
        await _harness.EnqueueAsync(subjects.Select(s => OutboxHarness.Mail("ana@example.test", s)).ToArray());
        otherInstance.Notify();

        await Eventually.UntilAsync(async () => (await _harness.RowsAsync()).All(r => r.Status == OutboxStatus.Sent), "every message is sent");
        var received = _sink.Messages();
        Assert.Equal(subjects.Order(), received.Select(m => m.Subject).Order());
        Assert.All(await _harness.RowsAsync(), r => Assert.Equal(1, r.Attempts));
    }
}
