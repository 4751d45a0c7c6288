using AssistantPortal.Features.Notifications;

namespace AssistantPortal.Tests.Features.Notifications;

public sealed class UserNotificationsTests : IAsyncLifetime
{
    private readonly NotificationFixture _fixture = new();
    private readonly NotificationEvents _events = new();
    private readonly List<string> _published = [];
    private UserNotifications _notifications = null!;

    public Task InitializeAsync()
    {
        _events.Changed += ids => _published.AddRange(ids);
        _notifications = new UserNotifications(_fixture, _events, TimeProvider.System);
        return Task.CompletedTask;
    }

    public async Task DisposeAsync() => await _fixture.DisposeAsync();

    [Fact]
    public async Task List_ShowsOnlyTheViewersOwn_NewestFirst_InPages()
    {
        var ana = await _fixture.Seed.UserAsync("ana");
        var bo = await _fixture.Seed.UserAsync("bo");
        for (var i = 1; i <= 5; i++)
        {
            await _fixture.AddAsync(ana, $"Ana {i}", minutes: i, read: i == 1);
        }
        await _fixture.AddAsync(bo, "Bo's", minutes: 10);

        var first = await _notifications.ListAsync(NotificationFixture.Principal(ana), skip: 0, take: 2);
        var last = await _notifications.ListAsync(NotificationFixture.Principal(ana), skip: 4, take: 2);

        Assert.Equal(["Ana 5", "Ana 4"], first.Items.Select(n => n.Message));
        Assert.Equal(5, first.Total);
        Assert.Equal(4, first.Unread);
        var oldest = Assert.Single(last.Items);
        Assert.Equal("Ana 1", oldest.Message);
        Assert.True(oldest.IsRead);
    }

    [Fact]
    public async Task UnreadCount_CountsOnlyTheViewersUnread()
    {
        var ana = await _fixture.Seed.UserAsync("ana");
        var bo = await _fixture.Seed.UserAsync("bo");
        await _fixture.AddAsync(ana, "unread", 1);
        await _fixture.AddAsync(ana, "read", 2, read: true);
        await _fixture.AddAsync(bo, "bo's unread", 3);

        Assert.Equal(1, await _notifications.UnreadCountAsync(NotificationFixture.Principal(ana)));
    }

    [Fact]
    public async Task MarkReadAndUnread_OwnNotification_ChangesItAndTellsTheViewersTabs()
    {
        var ana = await _fixture.Seed.UserAsync("ana");
        var notification = await _fixture.AddAsync(ana, "hello", 1);

        Assert.True(await _notifications.MarkReadAsync(NotificationFixture.Principal(ana), notification.Id));
        Assert.NotNull((await _fixture.FindAsync(notification.Id)).ReadAt);
        Assert.True(await _notifications.MarkUnreadAsync(NotificationFixture.Principal(ana), notification.Id));
        Assert.Null((await _fixture.FindAsync(notification.Id)).ReadAt);
        Assert.Equal([ana.Id, ana.Id], _published);
    }

    [Fact]
    public async Task MarkRead_SomeoneElsesNotification_IsNotFoundAndChangesNothing()
    {
        var ana = await _fixture.Seed.UserAsync("ana");
        var bo = await _fixture.Seed.UserAsync("bo");
        var bosNotification = await _fixture.AddAsync(bo, "for bo", 1);

        Assert.False(await _notifications.MarkReadAsync(NotificationFixture.Principal(ana), bosNotification.Id));
        Assert.Equal(0, await _notifications.MarkAllReadAsync(NotificationFixture.Principal(ana)));

        Assert.Null((await _fixture.FindAsync(bosNotification.Id)).ReadAt);
        Assert.Empty(_published);
    }

    [Fact]
    public async Task MarkAllRead_MarksOnlyTheViewersUnread()
    {
        var ana = await _fixture.Seed.UserAsync("ana");
        var bo = await _fixture.Seed.UserAsync("bo");
        await _fixture.AddAsync(ana, "one", 1);
        await _fixture.AddAsync(ana, "two", 2);
        var bos = await _fixture.AddAsync(bo, "bo's", 3);

        var changed = await _notifications.MarkAllReadAsync(NotificationFixture.Principal(ana));

        Assert.Equal(2, changed);
        Assert.Equal(0, await _notifications.UnreadCountAsync(NotificationFixture.Principal(ana)));
        Assert.Null((await _fixture.FindAsync(bos.Id)).ReadAt);
        Assert.Equal([ana.Id], _published);
    }
}

public sealed class SafeLinkTests
{
    [Theory]
    [InlineData("/assistants/5", "/assistants/5")]
    [InlineData("inbox", "inbox")]
    [InlineData("/assistants/5?tab=access", "/assistants/5?tab=access")]
    [InlineData("javascript:alert(1)", null)]
    [InlineData("https://evil.example/x", null)]
    [InlineData("//evil.example/x", null)]
    [InlineData("/\\evil.example", null)]
    [InlineData("", null)]
    public void SafeLink_OffersOnlyAddressesInsideTheApp(string link, string? expected) =>
        Assert.Equal(expected, UserNotifications.SafeLink(link));
}
