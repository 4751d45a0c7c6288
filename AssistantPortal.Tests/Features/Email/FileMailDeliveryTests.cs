using AssistantPortal.Data;
using AssistantPortal.Features.Email;
using AssistantPortal.Infrastructure;
using AssistantPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using MimeKit;

namespace AssistantPortal.Tests.Features.Email;

/// <summary>With no SMTP server configured, mail is kept as readable .eml files under the data folder.</summary>
public sealed class FileMailDeliveryTests : IAsyncLifetime
{
    private readonly OutboxHarness _harness = new();
    private readonly string _dataPath = Path.Combine(Path.GetTempPath(), "ap-eml-tests", Guid.NewGuid().ToString("N"));

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _harness.DisposeAsync();
        if (Directory.Exists(_dataPath))
        {
            Directory.Delete(_dataPath, recursive: true);
        }
    }

    [Fact]
    public async Task Send_WithNoSmtpHost_WritesAReadableEmlFileUnderTheDataFolder()
    {
        var delivery = new FileMailDelivery(Options.Create(new PortalOptions { DataPath = _dataPath }), new Environment("/unused"));
        await _harness.StartSenderAsync(new EmailOptions { PollInterval = TimeSpan.FromHours(1) }, delivery);

        var ids = await _harness.EnqueueAsync(OutboxHarness.Mail("ana@example.test", "Kept locally"));

        var folder = Path.Combine(_dataPath, "mail");
        await Eventually.UntilAsync(() => Directory.Exists(folder) && Directory.GetFiles(folder, "*.eml").Length == 1, "the .eml file is written");
        var message = MimeMessage.Load(Assert.Single(Directory.GetFiles(folder, "*.eml")));
        Assert.Equal("Kept locally", message.Subject);
        Assert.Equal("ana@example.test", Assert.Single(message.To.Mailboxes).Address);
        Assert.Equal("Plain text of Kept locally", message.TextBody?.Trim());
        Assert.Contains("<strong>Kept locally</strong>", message.HtmlBody);
        Assert.Empty(Directory.GetFiles(folder, "*.tmp"));
        await Eventually.UntilAsync(async () => (await _harness.RowAsync(ids[0])).Status == OutboxStatus.Sent, "the row is marked sent");
    }

    [Fact]
    public async Task App_WithTheDefaultConfiguration_WritesEnqueuedMailToTheDataFolder()
    {
        using var app = new AppFactory();
        _ = app.Server; // starts the host and its outbox sender
        var outbox = app.Services.GetRequiredService<IEmailOutbox>();

        await using (var db = app.CreateDbContext())
        {
            // Every context of the app carries the interceptor that wakes the sender.
            var interceptors = db.GetService<IDbContextOptions>().FindExtension<CoreOptionsExtension>()!.Interceptors;
            Assert.Contains(interceptors!, i => i is OutboxSignalInterceptor);
            Assert.Contains(interceptors!, i => i is AssistantPortal.Features.Notifications.NotificationPublishInterceptor);

            outbox.Enqueue(db, OutboxHarness.Mail("ana@example.test", "From the app"));
            await db.SaveChangesAsync();
        }

        var folder = Path.Combine(app.DataPath, "mail");
        await Eventually.UntilAsync(() => Directory.Exists(folder) && Directory.GetFiles(folder, "*.eml").Length == 1, "the app wrote the .eml file");
        Assert.Equal("From the app", MimeMessage.Load(Directory.GetFiles(folder, "*.eml")[0]).Subject);
        // The file is written before the row is marked sent.
        await Eventually.UntilAsync(async () =>
        {
            await using var check = app.CreateDbContext();
            return (await check.OutboxMessages.SingleAsync()).Status == OutboxStatus.Sent;
        }, "the row is marked sent");
    }

    private sealed class Environment(string contentRoot) : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "Test";
        public string ApplicationName { get; set; } = "AssistantPortal";
        public string ContentRootPath { get; set; } = contentRoot;
        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
