using MailKit.Net.Smtp;
using MimeKit;

namespace AssistantPortal.E2E.Infrastructure;

/// <summary>The SMTP sink the scenarios rely on: it takes real SMTP, keeps what it got, and can go down and come back.</summary>
public sealed class SmtpSinkTests
{
    [Fact]
    public async Task Message_sent_with_MailKit_is_saved_with_its_envelope()
    {
        await using var sink = await SmtpSink.StartNewAsync();

        await SendAsync(sink, "ana@e2e.test", "Hello from the tests", "Body text");

        var received = await sink.WaitForMessageAsync(m => m.Subject == "Hello from the tests");
        Assert.Equal("ana@e2e.test", received.To.Mailboxes.Single().Address);
        Assert.Equal("Body text", received.TextBody?.Trim());
        Assert.Equal("ana@e2e.test", received.Headers["X-Envelope-To"]);
    }

    [Fact]
    public async Task Stopped_sink_refuses_connections_and_accepts_again_on_the_same_port_after_start()
    {
        await using var sink = await SmtpSink.StartNewAsync();
        var port = sink.Port;

        await sink.StopAsync();
        await Assert.ThrowsAnyAsync<System.Net.Sockets.SocketException>(() => SendAsync(sink, "bo@e2e.test", "While down", "x"));

        await sink.StartAsync();
        Assert.Equal(port, sink.Port);
        await SendAsync(sink, "bo@e2e.test", "After restart", "x");
        await sink.WaitForMessageAsync(m => m.Subject == "After restart");
        Assert.Single(sink.Messages());
    }

    private static async Task SendAsync(SmtpSink sink, string to, string subject, string body)
    {
        var message = new MimeMessage();
        message.From.Add(MailboxAddress.Parse("portal@e2e.test"));
        message.To.Add(MailboxAddress.Parse(to));
        message.Subject = subject;
        message.Body = new TextPart("plain") { Text = body };
        using var client = new SmtpClient();
        await client.ConnectAsync(sink.Host, sink.Port, MailKit.Security.SecureSocketOptions.None);
        await client.SendAsync(message);
        await client.DisconnectAsync(quit: true);
    }
}
