using AssistantPortal.Features.Notifications;
using AssistantPortal.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantPortal.Tests.Features.Notifications;

public sealed class NotificationBadgeTests : BunitTestBase, IAsyncLifetime
{
    private readonly NotificationFixture _fixture = new();
    private readonly NotificationEvents _events = new();

    public NotificationBadgeTests()
    {
        Services.AddSingleton<INotificationEvents>(_events);
        Services.AddSingleton(new UserNotifications(_fixture, _events, TimeProvider.System));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await _fixture.DisposeAsync();
    }

    [Fact]
    public async Task Badge_ShowsTheUnreadCount_AndUpdatesWhenTheViewersNotificationsChange()
    {
        var ana = await _fixture.Seed.UserAsync("ana");
        await _fixture.AddAsync(ana, "one", 1);
        await _fixture.AddAsync(ana, "two", 2);
        SignIn(ana);

        var cut = Render<NotificationBadge>();
        cut.WaitForAssertion(() => Assert.Equal("2", cut.Find(".mud-badge").TextContent.Trim()));

        await _fixture.AddAsync(ana, "three", 3);
        _events.Publish([ana.Id]);

        cut.WaitForAssertion(() => Assert.Equal("3", cut.Find(".mud-badge").TextContent.Trim()));
        Assert.Equal("Notifications, 3 unread", cut.Find("[data-testid=notification-bell]").GetAttribute("aria-label"));
    }

    [Fact]
    public async Task Badge_IgnoresChangesOfAnotherUser()
    {
        var ana = await _fixture.Seed.UserAsync("ana");
        var bo = await _fixture.Seed.UserAsync("bo");
        await _fixture.AddAsync(ana, "one", 1);
        SignIn(ana);
        var cut = Render<NotificationBadge>();
        cut.WaitForAssertion(() => Assert.Equal("1", cut.Find(".mud-badge").TextContent.Trim()));
        await _fixture.AddAsync(ana, "not yet announced", 2);
        var contexts = _fixture.ContextsCreated;
        var renders = cut.RenderCount;

        _events.Publish([bo.Id]);

        // A refresh would start at once on the renderer's dispatcher (its first step opens a context); none did.
        Assert.Equal(contexts, _fixture.ContextsCreated);
        Assert.Equal(renders, cut.RenderCount);
        Assert.Equal("1", cut.Find(".mud-badge").TextContent.Trim());
    }

    [Fact]
    public async Task Badge_WithNothingUnread_ShowsNoCount()
    {
        var ana = await _fixture.Seed.UserAsync("ana");
        await _fixture.AddAsync(ana, "seen", 1, read: true);
        SignIn(ana);

        var cut = Render<NotificationBadge>();

        cut.WaitForAssertion(() => Assert.Equal("Notifications", cut.Find("[data-testid=notification-bell]").GetAttribute("aria-label")));
        Assert.Empty(cut.FindAll(".mud-badge"));
    }

    [Fact]
    public async Task Badge_AfterDispose_NoLongerListens()
    {
        var ana = await _fixture.Seed.UserAsync("ana");
        SignIn(ana);
        var cut = Render<NotificationBadge>();
        var contexts = _fixture.ContextsCreated;

        await DisposeComponentsAsync();
        _events.Publish([ana.Id]);

        Assert.Equal(contexts, _fixture.ContextsCreated);
    }
}
