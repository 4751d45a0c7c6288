using AssistantPortal.Data;
using AssistantPortal.Features.Admin;
using AssistantPortal.Features.Admin.ChatLogs;
using AssistantPortal.Tests.Infrastructure;
using Bunit;
using Microsoft.EntityFrameworkCore;
using MudBlazor;
using static AssistantPortal.Tests.Features.Admin.AdminLogsTestServices;

namespace AssistantPortal.Tests.Features.Admin.ChatLogs;

public sealed class ChatLogsPageTests : BunitTestBase, IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private readonly Seed _seed;

    public ChatLogsPageTests()
    {
        _seed = new Seed(_database);
    }

    public new async Task InitializeAsync()
    {
        var admin = await _seed.UserAsync("gina", GlobalRole.GlobalAdmin);
        var ana = await _seed.UserAsync("ana");
        var helpdesk = await _seed.AssistantAsync(ana, "Helpdesk");
        var payroll = await _seed.AssistantAsync(ana, "Payroll");
        await _database.ExchangeAsync(helpdesk, ana, At(1), "How do I print?", supporting: "[1] printers.md: use the blue button",
            thought: "Matched 1 passage");
        await _database.ExchangeAsync(payroll, null, At(2), "When is payday?", ChatOrigin.ApiKey, "API key: build bot");
        // Signed in before the real authorization service is registered, so it replaces bunit's fake one.
        SignIn(admin);
        Services.AddAdminLogsFeature(_database);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public void Open_AsGlobalAdmin_ListsExchangesAcrossAssistantsWithWho()
    {
        var cut = Render<ChatLogsPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=chat-log-question]").Count));
        var table = cut.Find("[data-testid=chat-logs]").TextContent;
        Assert.Contains("Helpdesk", table);
        Assert.Contains("Payroll", table);
        Assert.Contains("API key: build bot", table);
        Assert.Contains("ana", table);
        Assert.Empty(cut.FindAll("[data-testid=chat-log-supporting]"));
    }

    [Fact]
    public void Expand_ARow_ShowsItsSupportingContentAndThoughtProcess()
    {
        var cut = Render<ChatLogsPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=chat-log-expand]").Count));

        // Newest first: the second row is the printing question.
        cut.ClickWhenReady(() => cut.FindAll("[data-testid=chat-log-expand]")[1]);

        cut.WaitForAssertion(() => Assert.Equal("[1] printers.md: use the blue button", cut.Find("[data-testid=chat-log-supporting]").TextContent));
        Assert.Equal("Matched 1 passage", cut.Find("[data-testid=chat-log-thought]").TextContent);
        Assert.Equal("true", cut.FindAll("[data-testid=chat-log-expand]")[1].GetAttribute("aria-expanded"));
    }

    [Fact]
    public async Task Dates_FromAfterTo_SaysSoNextToTheDatesAndListsNothing()
    {
        var cut = Render<ChatLogsPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=chat-log-question]").Count));

        await SetDateAsync(cut, "From (UTC)", new DateTime(2026, 11, 5));
        await SetDateAsync(cut, "To (UTC)", new DateTime(2026, 11, 1));

        cut.WaitForAssertion(() => Assert.Contains(DayRange.FromAfterTo, cut.Markup));
        Assert.Empty(cut.FindAll("[data-testid=chat-log-question]"));
        Assert.Equal("Correct the dates to see exchanges.", cut.Find("[data-testid=chat-logs-empty]").TextContent);
        Assert.True(cut.Find("[data-testid=chat-logs-export]").HasAttribute("disabled"));
    }

    [Fact]
    public async Task Export_LinkCarriesTheFilter()
    {
        var cut = Render<ChatLogsPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=chat-log-question]").Count));

        await SetDateAsync(cut, "From (UTC)", new DateTime(2026, 11, 2));

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=chat-log-question]")));
        Assert.Equal("/admin/chat-logs/export?from=2026-11-02", cut.Find("[data-testid=chat-logs-export]").GetAttribute("href"));
    }

    [Fact]
    public async Task Filter_ChangedOnALaterPage_StartsAgainAtTheFirstPage()
    {
        await using (var db = _database.CreateDbContext())
        {
            var helpdesk = await db.Assistants.SingleAsync(a => a.Name == "Helpdesk");
            for (var i = 0; i < 24; i++)
            {
                await _database.ExchangeAsync(helpdesk, null, At(3).AddMinutes(i), $"Visitor question {i}", ChatOrigin.LinkVisitor);
            }
        }
        var cut = Render<ChatLogsPage>();
        cut.WaitForAssertion(() => Assert.Equal(25, cut.FindAll("[data-testid=chat-log-question]").Count));
        var table = cut.FindComponent<MudTable<AdminChatLogRow>>();
        await cut.InvokeAsync(() => table.Instance.NavigateTo(1));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=chat-log-question]")));

        await SetDateAsync(cut, "From (UTC)", new DateTime(2026, 11, 3));

        cut.WaitForAssertion(() => Assert.Equal(24, cut.FindAll("[data-testid=chat-log-question]").Count));
        Assert.Equal(0, cut.FindComponent<MudTable<AdminChatLogRow>>().Instance.CurrentPage);
    }

    private static Task SetDateAsync(IRenderedComponent<ChatLogsPage> cut, string label, DateTime date)
    {
        var picker = cut.FindComponents<MudDatePicker>().Single(p => p.Instance.Label == label);
        return cut.InvokeAsync(() => picker.Instance.DateChanged.InvokeAsync(date));
    }
}
