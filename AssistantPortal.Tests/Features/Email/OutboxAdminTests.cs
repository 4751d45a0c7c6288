using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Audit;
using AssistantPortal.Features.Email;
using AssistantPortal.Tests.Infrastructure;

namespace AssistantPortal.Tests.Features.Email;

public sealed class OutboxAdminTests : IAsyncLifetime
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
    public async Task Resend_ADeadMessage_PutsItBackAndItIsDelivered()
    {
        var admin = await _harness.Seed.UserAsync("root", GlobalRole.GlobalAdmin);
        var options = OutboxHarness.SmtpOptions(_sink);
        await _harness.StartSmtpSenderAsync(options);
        var id = await DeadMessageAsync("ana@example.test", "Try me again");
        var outboxAdmin = new OutboxAdmin(_harness, _harness.Signal, new AuditLog(TimeProvider.System));

        var result = await outboxAdmin.ResendAsync(Principal(admin), id);

        Assert.Equal(ResendResult.Resent, result);
        await Eventually.UntilAsync(async () => (await _harness.RowAsync(id)).Status == OutboxStatus.Sent, "the resent message is sent");
        Assert.Equal("Try me again", Assert.Single(_sink.Messages()).Subject);
        Assert.Equal(1, (await _harness.RowAsync(id)).Attempts);
    }

    [Fact]
    public async Task Resend_AsAnApplicationAdmin_IsNotFoundAndChangesNothing()
    {
        var appAdmin = await _harness.Seed.UserAsync("helper", GlobalRole.ApplicationAdmin);
        var id = await DeadMessageAsync("ana@example.test", "Stays dead");

        var result = await new OutboxAdmin(_harness, _harness.Signal, new AuditLog(TimeProvider.System)).ResendAsync(Principal(appAdmin), id);

        Assert.Equal(ResendResult.NotFound, result);
        Assert.Equal(OutboxStatus.Dead, (await _harness.RowAsync(id)).Status);
    }

    [Fact]
    public async Task Resend_AWaitingMessage_IsRefusedAsNotDead()
    {
        var admin = await _harness.Seed.UserAsync("root", GlobalRole.GlobalAdmin);
        var ids = await _harness.EnqueueAsync(OutboxHarness.Mail("ana@example.test", "Waiting"));

        var result = await new OutboxAdmin(_harness, _harness.Signal, new AuditLog(TimeProvider.System)).ResendAsync(Principal(admin), ids[0]);

        Assert.Equal(ResendResult.NotDead, result);
    }

    [Fact]
    public async Task ListAndCount_AsGlobalAdmin_ShowsMessagesByStatusNewestFirst()
    {
        var admin = await _harness.Seed.UserAsync("root", GlobalRole.GlobalAdmin);
        await _harness.EnqueueAsync(OutboxHarness.Mail("ana@example.test", "First"), OutboxHarness.Mail("bo@example.test", "Second"));
        await DeadMessageAsync("cy@example.test", "Dead one");
        var outboxAdmin = new OutboxAdmin(_harness, _harness.Signal, new AuditLog(TimeProvider.System));

        var counts = await outboxAdmin.CountByStatusAsync(Principal(admin));
        var (waiting, total) = await outboxAdmin.ListAsync(Principal(admin), OutboxStatus.Waiting, 0, 10);

        Assert.Equal(2, counts[OutboxStatus.Waiting]);
        Assert.Equal(1, counts[OutboxStatus.Dead]);
        Assert.Equal(0, counts[OutboxStatus.Sent]);
        Assert.Equal(2, total);
        Assert.Equal(["Second", "First"], waiting.Select(r => r.Subject));
    }

    [Fact]
    public async Task Find_AsGlobalAdmin_ReturnsBothBodies()
    {
        var admin = await _harness.Seed.UserAsync("root", GlobalRole.GlobalAdmin);
        var ids = await _harness.EnqueueAsync(OutboxHarness.Mail("ana@example.test", "Readable"));

        var detail = await new OutboxAdmin(_harness, _harness.Signal, new AuditLog(TimeProvider.System)).FindAsync(Principal(admin), ids[0]);

        Assert.NotNull(detail);
        Assert.Equal("Readable", detail.Row.Subject);
        Assert.Equal("Plain text of Readable", detail.TextBody);
        Assert.Contains("<strong>Readable</strong>", detail.HtmlBody);
    }

    [Fact]
    public async Task List_AsAUser_IsRefused()
    {
        var user = await _harness.Seed.UserAsync("ana");

        await Assert.ThrowsAsync<UnauthorizedAccessException>(() =>
            new OutboxAdmin(_harness, _harness.Signal, new AuditLog(TimeProvider.System)).ListAsync(Principal(user), null, 0, 10));
    }

    private async Task<long> DeadMessageAsync(string to, string subject)
    {
        await using var db = _harness.CreateDbContext();
        var row = new OutboxMessage
        {
            To = to, Subject = subject, TextBody = "text", HtmlBody = "<p>html</p>", CreatedAt = DateTime.UtcNow,
            Status = OutboxStatus.Dead, Attempts = 3, LastError = "550 recipient refused",
        };
        db.OutboxMessages.Add(row);
        await db.SaveChangesAsync();
        return row.Id;
    }

    private static ClaimsPrincipal Principal(ApplicationUser user) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, user.UserName!)], "test"));
}
