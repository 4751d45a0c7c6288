using AssistantPortal.Data;
using AssistantPortal.Features.Admin.Analytics;
using AssistantPortal.Tests.Infrastructure;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantPortal.Tests.Features.Admin.Analytics;

/// <summary>The Analytics page for an Application Admin: figures for the default period, a custom period, and a refused one.</summary>
public sealed class AnalyticsPageTests : BunitTestBase, IAsyncLifetime
{
    private static readonly DateTimeOffset Today = new(2026, 11, 20, 15, 0, 0, TimeSpan.Zero);

    private readonly TestDatabase _database = new();
    private readonly Seed _seed;

    public AnalyticsPageTests()
    {
        _seed = new Seed(_database);
        Services.AddSingleton<IDbContextFactory<ApplicationDbContext>>(_database);
        Services.AddSingleton<TimeProvider>(new ManualClock(Today));
        Services.AddScoped<AnalyticsQuery>();
    }

    async Task IAsyncLifetime.InitializeAsync()
    {
        // Seeded on 2026-11-02 (Seed's fixed time): inside the last 30 days of Today, outside the last 7.
        var admin = await _seed.UserAsync("adam", GlobalRole.ApplicationAdmin);
        var assistant = await _seed.AssistantAsync(admin, "Helpdesk bot");
        await using var db = _database.CreateDbContext();
        foreach (var askedAt in new[] { Today.AddDays(-1), Today.AddDays(-1), Today.AddDays(-18) })
        {
            db.ChatExchanges.Add(new ChatExchange { AssistantId = assistant.Id, WhoName = "adam", AskedAt = askedAt.UtcDateTime, Question = "q", Answer = "a" });
        }
        await db.SaveChangesAsync();
        SignIn(admin);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    private static string Figure(IRenderedComponent<AnalyticsPage> cut, string name) =>
        cut.Find($"[data-testid=figure-{name}] [data-testid=figure-value]").TextContent.Trim();

    private static void Click(IRenderedComponent<AnalyticsPage> cut, string text) =>
        cut.ClickWhenReady(() => cut.FindAll("button").First(b => b.TextContent.Trim() == text));

    private static void Type(IRenderedComponent<AnalyticsPage> cut, string selector, string value) =>
        cut.ChangeWhenReady(() => cut.Find(selector), value);

    private IRenderedComponent<AnalyticsPage> RenderPage()
    {
        var cut = Render<AnalyticsPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=analytics-range]")));
        return cut;
    }

    [Fact]
    public void Page_ShowsTheLast30DaysByDefault()
    {
        var cut = RenderPage();

        Assert.Contains("2026-10-22 to 2026-11-20", cut.Find("[data-testid=analytics-range]").TextContent);
        Assert.Equal("1", Figure(cut, "users"));
        Assert.Equal("1", Figure(cut, "assistants"));
        Assert.Equal("3", Figure(cut, "exchanges"));
        Assert.Contains("Helpdesk bot", cut.Find("[data-testid=analytics-top]").TextContent);
        // The per-day line chart (three series in its legend) and the most-used bar chart.
        Assert.Equal(["New users", "Conversations", "Messages", "Messages"], cut.FindAll(".mud-chart-legend-item").Select(e => e.TextContent.Trim()));
        Assert.Contains("Helpdesk bot", cut.Find("[data-testid=analytics-top-chart]").TextContent);
    }

    [Fact]
    public void Last7Days_CountsOnlyThoseDays()
    {
        var cut = RenderPage();

        Click(cut, "Last 7 days");

        cut.WaitForAssertion(() => Assert.Contains("2026-11-14 to 2026-11-20", cut.Find("[data-testid=analytics-range]").TextContent));
        Assert.Equal("2", Figure(cut, "exchanges"));
    }

    [Fact]
    public void CustomDates_ShowThatPeriod()
    {
        var cut = RenderPage();

        Click(cut, "Custom dates");
        Type(cut, "#analytics-from", "2026-11-01");
        Type(cut, "#analytics-to", "2026-11-03");
        Click(cut, "Show");

        cut.WaitForAssertion(() => Assert.Contains("2026-11-01 to 2026-11-03", cut.Find("[data-testid=analytics-range]").TextContent));
        Assert.Equal("1", Figure(cut, "exchanges"));
    }

    [Fact]
    public void CustomDates_FromAfterTo_ShowsTheMessageNextToTheDatesAndNoFigures()
    {
        var cut = RenderPage();

        Click(cut, "Custom dates");
        Type(cut, "#analytics-from", "2026-11-10");
        Type(cut, "#analytics-to", "2026-11-03");
        Click(cut, "Show");

        cut.WaitForAssertion(() => Assert.Contains(AnalyticsQuery.FromAfterTo, cut.Find("#analytics-from").Closest(".mud-input-control")!.TextContent));
        Assert.Empty(cut.FindAll("[data-testid=analytics-range]"));
    }
}
