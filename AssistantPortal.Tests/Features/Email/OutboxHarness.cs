using AssistantPortal.Data;
using AssistantPortal.Features.Email;
using AssistantPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace AssistantPortal.Tests.Features.Email;

/// <summary>
/// A real SQLite database whose contexts carry the app's <see cref="OutboxSignalInterceptor"/>, and senders on it
/// with short back-offs. The poll interval is an hour, so mail that goes out promptly was woken by the signal.
/// </summary>
public sealed class OutboxHarness : IDbContextFactory<ApplicationDbContext>, IAsyncDisposable
{
    private readonly TestDatabase _database = new();
    private readonly DbContextOptions<ApplicationDbContext> _options;
    private readonly List<OutboxSender> _senders = [];

    public OutboxHarness()
    {
        Signal = new OutboxSignal();
        Interceptor = new OutboxSignalInterceptor(Signal);
        _options = new DbContextOptionsBuilder<ApplicationDbContext>(_database.Options)
            .AddInterceptors(Interceptor)
            .Options;
        Seed = new Seed(_database);
    }

    public OutboxSignal Signal { get; }

    /// <summary>The interceptor every context of the harness carries.</summary>
    public OutboxSignalInterceptor Interceptor { get; }

    public Seed Seed { get; }

    public ApplicationDbContext CreateDbContext() => new(_options);

    public static EmailOptions SmtpOptions(SmtpSink sink) => new()
    {
        Smtp = { Host = "127.0.0.1", Port = sink.Port, SecureSocket = MailKit.Security.SecureSocketOptions.None, Timeout = TimeSpan.FromSeconds(30) },
        From = "AssistantPortal <portal@example.test>",
        MaxAttempts = 3,
        BackOffBase = TimeSpan.FromMilliseconds(20),
        MaxBackOff = TimeSpan.FromMilliseconds(200),
        MaxServerBackOff = TimeSpan.FromMilliseconds(200),
        PollInterval = TimeSpan.FromHours(1),
    };

    /// <summary>Starts a sender delivering through <paramref name="delivery"/>.</summary>
    public async Task<OutboxSender> StartSenderAsync(EmailOptions options, IMailDelivery delivery, OutboxSignal? signal = null)
    {
        var sender = new OutboxSender(this, delivery, signal ?? Signal, Options.Create(options), TimeProvider.System, NullLogger<OutboxSender>.Instance);
        _senders.Add(sender);
        await sender.StartAsync(CancellationToken.None);
        return sender;
    }

    /// <param name="signal">The sender's wake-up; by default the one the database's interceptor signals.</param>
    public Task<OutboxSender> StartSmtpSenderAsync(EmailOptions options, OutboxSignal? signal = null) =>
        StartSenderAsync(options, new SmtpMailDelivery(Options.Create(options), NullLogger<SmtpMailDelivery>.Instance), signal);

    /// <summary>Enqueues mail as a feature does: through <see cref="IEmailOutbox"/> and one SaveChanges, nothing else.</summary>
    public async Task<List<long>> EnqueueAsync(params EmailMessage[] messages)
    {
        await using var db = CreateDbContext();
        var outbox = new EmailOutbox(TimeProvider.System);
        foreach (var message in messages)
        {
            outbox.Enqueue(db, message);
        }
        await db.SaveChangesAsync();
        return db.OutboxMessages.Local.Select(m => m.Id).Order().ToList();
    }

    public async Task<List<OutboxMessage>> RowsAsync()
    {
        await using var db = CreateDbContext();
        return await db.OutboxMessages.AsNoTracking().OrderBy(m => m.Id).ToListAsync();
    }

    public async Task<OutboxMessage> RowAsync(long id)
    {
        await using var db = CreateDbContext();
        return await db.OutboxMessages.AsNoTracking().SingleAsync(m => m.Id == id);
    }

    public static EmailMessage Mail(string to, string subject) =>
        new(to, subject, $"Plain text of {subject}", $"<p>HTML of <strong>{subject}</strong></p>");

    public async ValueTask DisposeAsync()
    {
        foreach (var sender in _senders)
        {
            await sender.StopAsync(CancellationToken.None);
            sender.Dispose();
        }
        await _database.DisposeAsync();
    }
}
