using AssistantPortal.Data;
using AssistantPortal.Features.Email;
using AssistantPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Tests.Features.Email;

/// <summary>The sender is woken after new mail is committed, and only then.</summary>
public sealed class OutboxSignalInterceptorTests : IAsyncLifetime
{
    private readonly OutboxHarness _harness = new();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync() => await _harness.DisposeAsync();

    [Fact]
    public async Task SaveChanges_WithNewMail_SignalsTheSender()
    {
        await _harness.EnqueueAsync(OutboxHarness.Mail("ana@example.test", "Hello"));

        Assert.True(await IsSignalledAsync());
    }

    [Fact]
    public async Task SaveChanges_WithoutNewMail_DoesNotSignal()
    {
        await _harness.Seed.UserAsync("ana");
        await using (var db = _harness.CreateDbContext())
        {
            var user = await db.Users.SingleAsync();
            user.Email = "ana@changed.test";
            await db.SaveChangesAsync();
        }

        Assert.False(await IsSignalledAsync());
    }

    [Fact]
    public async Task SaveChanges_InAnExplicitTransaction_SignalsOnlyAfterTheCommit()
    {
        await using var db = _harness.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        new EmailOutbox(TimeProvider.System).Enqueue(db, OutboxHarness.Mail("ana@example.test", "Hello"));
        await db.SaveChangesAsync();

        Assert.False(await IsSignalledAsync());

        await transaction.CommitAsync();

        Assert.True(await IsSignalledAsync());
    }

    [Fact]
    public async Task SaveChanges_InATransactionThatRollsBack_DoesNotSignal()
    {
        await using var db = _harness.CreateDbContext();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            new EmailOutbox(TimeProvider.System).Enqueue(db, OutboxHarness.Mail("ana@example.test", "Hello"));
            await db.SaveChangesAsync();
            await transaction.RollbackAsync();
        }

        Assert.False(await IsSignalledAsync());
        Assert.Empty(await _harness.RowsAsync());
    }

    [Fact]
    public async Task MailWritten_InAnExplicitTransaction_SignalsOnlyAfterTheCommit()
    {
        await using var db = _harness.CreateDbContext();
        await using var transaction = await db.Database.BeginTransactionAsync();
        await InsertMailBySqlAsync(db);
        _harness.Interceptor.MailWritten(db);

        Assert.False(await IsSignalledAsync());

        await transaction.CommitAsync();

        Assert.True(await IsSignalledAsync());
        Assert.Single(await _harness.RowsAsync());
    }

    [Fact]
    public async Task MailWritten_InATransactionThatRollsBack_DoesNotSignal()
    {
        await using var db = _harness.CreateDbContext();
        await using (var transaction = await db.Database.BeginTransactionAsync())
        {
            await InsertMailBySqlAsync(db);
            _harness.Interceptor.MailWritten(db);
            await transaction.RollbackAsync();
        }

        Assert.False(await IsSignalledAsync());
        Assert.Empty(await _harness.RowsAsync());
    }

    /// <summary>An outbox row written as the set-based fan-out writes them: SQL that SaveChanges never sees.</summary>
    private static Task<int> InsertMailBySqlAsync(ApplicationDbContext db) => db.Database.ExecuteSqlInterpolatedAsync($"""
        INSERT INTO "OutboxMessages" ("To", "Subject", "TextBody", "HtmlBody", "CreatedAt", "Status", "Attempts")
        VALUES ({"ana@example.test"}, {"Hello"}, {"text"}, {"<p>html</p>"}, {DateTime.UtcNow}, {(int)OutboxStatus.Waiting}, 0)
        """);

    /// <summary>Takes the pending signal, if any, without waiting.</summary>
    private Task<bool> IsSignalledAsync() => _harness.Signal.WaitAsync(TimeSpan.Zero, CancellationToken.None);
}
