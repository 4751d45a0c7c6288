using AssistantPortal.Data;
using AssistantPortal.Features.Notifications;
using AssistantPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Tests.Features.Notifications;

/// <summary>New notifications reach open tabs once committed, without the feature publishing.</summary>
public sealed class NotificationPublishInterceptorTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private readonly NotificationEvents _events = new();
    private readonly List<string[]> _published = [];
    private DbContextOptions<ApplicationDbContext> _options = null!;

    public Task InitializeAsync()
    {
        _events.Changed += ids => _published.Add(ids.Order().ToArray());
        _options = new DbContextOptionsBuilder<ApplicationDbContext>(_database.Options)
            .AddInterceptors(new NotificationPublishInterceptor(_events))
            .Options;
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    [Fact]
    public async Task SaveChanges_WithNewNotifications_PublishesTheirRecipientsOnce()
    {
        var seed = new Seed(_database);
        var ana = await seed.UserAsync("ana");
        var bo = await seed.UserAsync("bo");
        await using var db = new ApplicationDbContext(_options);
        var notifier = new Notifier(TimeProvider.System);
        notifier.Notify(db, ana.Id, NotificationKind.SharedWithYou, "one");
        notifier.Notify(db, ana.Id, NotificationKind.SharedWithYou, "two");
        notifier.Notify(db, bo.Id, NotificationKind.SharedWithYourTeam, "three");

        await db.SaveChangesAsync();

        var published = Assert.Single(_published);
        Assert.Equal(new[] { ana.Id, bo.Id }.Order(), published);
    }

    [Fact]
    public async Task SaveChanges_InATransaction_PublishesOnlyAtTheCommit()
    {
        var ana = await new Seed(_database).UserAsync("ana");
        await using var db = new ApplicationDbContext(_options);
        await using var transaction = await db.Database.BeginTransactionAsync();
        new Notifier(TimeProvider.System).Notify(db, ana.Id, NotificationKind.RequestApproved, "approved");
        await db.SaveChangesAsync();

        Assert.Empty(_published);

        await transaction.CommitAsync();

        Assert.Equal([ana.Id], Assert.Single(_published));
    }

    [Fact]
    public async Task SaveChanges_WithoutNewNotifications_PublishesNothing()
    {
        await new Seed(_database).UserAsync("ana");
        await using var db = new ApplicationDbContext(_options);
        (await db.Users.SingleAsync()).Email = "ana@changed.test";

        await db.SaveChangesAsync();

        Assert.Empty(_published);
    }
}
