using AngleSharp.Dom;
using AssistantPortal.Features.Notifications;
using AssistantPortal.Tests.Infrastructure;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantPortal.Tests.Features.Notifications;

public sealed class NotificationsPageTests : BunitTestBase, IAsyncLifetime
{
    private readonly NotificationFixture _fixture = new();
    private readonly NotificationEvents _events = new();
    private readonly List<string> _published = [];

    public NotificationsPageTests()
    {
        _events.Changed += ids => _published.AddRange(ids);
        Services.AddSingleton<INotificationEvents>(_events);
        Services.AddSingleton(new UserNotifications(_fixture, _events, TimeProvider.System));
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await _fixture.DisposeAsync();
    }

    [Fact]
    public async Task Page_ListsOnlyTheViewersNotifications_NewestFirst_WithReadState()
    {
        var ana = await _fixture.Seed.UserAsync("ana");
        var bo = await _fixture.Seed.UserAsync("bo");
        await _fixture.AddAsync(ana, "Oldest, read", 1, read: true);
        await _fixture.AddAsync(ana, "Middle", 2);
        await _fixture.AddAsync(ana, "Newest", 3);
        await _fixture.AddAsync(bo, "For Bo only", 4);
        SignIn(ana);

        var cut = Render<NotificationsPage>();

        cut.WaitForAssertion(() => Assert.Equal(3, Items(cut).Count));
        Assert.Equal(["Newest", "Middle", "Oldest, read"], Items(cut).Select(Message));
        Assert.Equal([false, false, true], Items(cut).Select(IsRead));
        Assert.DoesNotContain("For Bo only", cut.Markup);
        Assert.Equal("2 unread of 3", cut.Find("[data-testid=notifications-summary]").TextContent.Trim());
    }

    [Fact]
    public async Task MarkRead_OnAnUnreadNotification_ShowsItReadAndTellsTheBadge()
    {
        var ana = await _fixture.Seed.UserAsync("ana");
        var notification = await _fixture.AddAsync(ana, "Shared with you", 1);
        SignIn(ana);
        var cut = Render<NotificationsPage>();
        cut.WaitForAssertion(() => Assert.Single(Items(cut)));

        cut.ClickWhenReady(() => Button(Items(cut)[0], "Mark read"));

        cut.WaitForAssertion(() => Assert.True(IsRead(Items(cut)[0])));
        Assert.NotNull((await _fixture.FindAsync(notification.Id)).ReadAt);
        Assert.Contains(ana.Id, _published);

        cut.ClickWhenReady(() => Button(Items(cut)[0], "Mark unread"));

        cut.WaitForAssertion(() => Assert.False(IsRead(Items(cut)[0])));
        Assert.Null((await _fixture.FindAsync(notification.Id)).ReadAt);
    }

    [Fact]
    public async Task MarkAllRead_MarksEveryNotificationRead()
    {
        var ana = await _fixture.Seed.UserAsync("ana");
        await _fixture.AddAsync(ana, "One", 1);
        await _fixture.AddAsync(ana, "Two", 2);
        SignIn(ana);
        var cut = Render<NotificationsPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, Items(cut).Count));

        cut.ClickWhenReady(() => cut.FindAll("button").Single(b => b.TextContent.Trim() == "Mark all read"));

        cut.WaitForAssertion(() => Assert.All(Items(cut), item => Assert.True(IsRead(item))));
        Assert.DoesNotContain(cut.FindAll("button"), b => b.TextContent.Trim() == "Mark all read");
    }

    [Fact]
    public async Task Open_MarksTheNotificationReadAndGoesToItsLink()
    {
        var ana = await _fixture.Seed.UserAsync("ana");
        var notification = await _fixture.AddAsync(ana, "Review requested", 1, link: "/inbox");
        SignIn(ana);
        var cut = Render<NotificationsPage>();
        cut.WaitForAssertion(() => Assert.Single(Items(cut)));

        cut.ClickWhenReady(() => Button(Items(cut)[0], "Open"));

        cut.WaitForAssertion(() => Assert.EndsWith("/inbox", Services.GetRequiredService<NavigationManager>().Uri));
        Assert.NotNull((await _fixture.FindAsync(notification.Id)).ReadAt);
    }

    [Fact]
    public async Task Page_WithALinkToAnotherSite_OffersNoOpenButton_AndShowsTheMessageEscaped()
    {
        var ana = await _fixture.Seed.UserAsync("ana");
        await _fixture.AddAsync(ana, "<b>bold</b> claim", 1, link: "javascript:alert(1)");
        SignIn(ana);

        var cut = Render<NotificationsPage>();

        cut.WaitForAssertion(() => Assert.Single(Items(cut)));
        Assert.Equal("<b>bold</b> claim", Message(Items(cut)[0]));
        Assert.Empty(Items(cut)[0].QuerySelectorAll("b"));
        Assert.DoesNotContain(Items(cut)[0].QuerySelectorAll("button"), b => b.TextContent.Trim() == "Open");
    }

    [Fact]
    public async Task Page_WithNoNotifications_SaysSo()
    {
        var ana = await _fixture.Seed.UserAsync("ana");
        SignIn(ana);

        var cut = Render<NotificationsPage>();

        cut.WaitForAssertion(() => cut.Find("[data-testid=notifications-empty]"));
        Assert.Empty(Items(cut));
    }

    [Fact]
    public async Task Page_WhenTheViewerGetsANewNotification_ShowsItLive()
    {
        var ana = await _fixture.Seed.UserAsync("ana");
        await _fixture.AddAsync(ana, "First", 1);
        SignIn(ana);
        var cut = Render<NotificationsPage>();
        cut.WaitForAssertion(() => Assert.Single(Items(cut)));

        await _fixture.AddAsync(ana, "Second", 2);
        _events.Publish([ana.Id]);

        cut.WaitForAssertion(() => Assert.Equal(["Second", "First"], Items(cut).Select(Message)));
    }

    private static IReadOnlyList<IElement> Items(IRenderedComponent<NotificationsPage> cut) =>
        cut.FindAll("[data-testid=notification]");

    private static string Message(IElement item) =>
        item.QuerySelector("[data-testid=notification-message]")!.TextContent.Trim();

    private static bool IsRead(IElement item) => item.ClassList.Contains("notification-read");

    private static IElement Button(IElement item, string text) =>
        item.QuerySelectorAll("button").Single(b => b.TextContent.Trim() == text);
}
