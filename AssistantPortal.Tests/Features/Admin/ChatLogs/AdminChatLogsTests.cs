using System.Text;
using AssistantPortal.Data;
using AssistantPortal.Features.Admin;
using AssistantPortal.Features.Admin.ChatLogs;
using AssistantPortal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static AssistantPortal.Tests.Features.Admin.AdminLogsTestServices;

namespace AssistantPortal.Tests.Features.Admin.ChatLogs;

/// <summary>SPEC §9 "Chat logs" on a real database: filters, paging, CSV, and the Global-Admin-only rule.</summary>
public sealed class AdminChatLogsTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private readonly Seed _seed;
    private readonly ServiceProvider _services;
    private readonly AdminChatLogs _logs;

    private ApplicationUser _admin = null!;
    private ApplicationUser _ana = null!;
    private ApplicationUser _bo = null!;
    private Assistant _helpdesk = null!;
    private Assistant _payroll = null!;

    public AdminChatLogsTests()
    {
        _seed = new Seed(_database);
        _services = Build(_database);
        _logs = _services.GetRequiredService<AdminChatLogs>();
    }

    public async Task InitializeAsync()
    {
        _admin = await _seed.UserAsync("gina", GlobalRole.GlobalAdmin);
        _ana = await _seed.UserAsync("ana");
        _bo = await _seed.UserAsync("bo");
        _helpdesk = await _seed.AssistantAsync(_ana, "Helpdesk");
        _payroll = await _seed.AssistantAsync(_bo, "Payroll");
        await _database.ExchangeAsync(_helpdesk, _ana, At(1), "ana asks helpdesk on the 1st", supporting: "Passage about printers");
        await _database.ExchangeAsync(_helpdesk, _bo, At(2), "bo asks helpdesk on the 2nd");
        await _database.ExchangeAsync(_payroll, _ana, At(3), "ana asks payroll on the 3rd");
        await _database.ExchangeAsync(_payroll, null, At(4, 23), "a visitor asks payroll late on the 4th", ChatOrigin.LinkVisitor);
        await _database.ExchangeAsync(_payroll, null, At(5), "the build bot asks payroll on the 5th", ChatOrigin.ApiKey, "API key: build bot");
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Page_WithoutFilter_ListsEveryExchangeAcrossAssistantsNewestFirst()
    {
        var page = await _logs.PageAsync(Principal(_admin), new AdminChatLogFilter(), 0, 25);

        Assert.Equal(5, page.Total);
        Assert.Equal(["API key: build bot", "Link visitor", "ana", "bo", "ana"], page.Rows.Select(r => r.WhoName));
        Assert.Equal(["Payroll", "Payroll", "Payroll", "Helpdesk", "Helpdesk"], page.Rows.Select(r => r.AssistantName));
        Assert.Equal("Passage about printers", page.Rows[^1].SupportingContent);
    }

    [Fact]
    public async Task Page_ByAssistant_ListsOnlyItsExchanges()
    {
        var page = await _logs.PageAsync(Principal(_admin), new AdminChatLogFilter(AssistantId: _helpdesk.Id), 0, 25);

        Assert.Equal(2, page.Total);
        Assert.All(page.Rows, r => Assert.Equal(_helpdesk.Id, r.AssistantId));
    }

    [Fact]
    public async Task Page_ByUser_ListsOnlyTheirQuestions()
    {
        var page = await _logs.PageAsync(Principal(_admin), new AdminChatLogFilter(UserId: _ana.Id), 0, 25);

        Assert.Equal(["ana asks payroll on the 3rd", "ana asks helpdesk on the 1st"], page.Rows.Select(r => r.Question));
    }

    [Fact]
    public async Task Page_ByDays_IncludesBothWholeDays()
    {
        var page = await _logs.PageAsync(Principal(_admin),
            new AdminChatLogFilter(Dates: new DayRange(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 4))), 0, 25);

        Assert.Equal(["a visitor asks payroll late on the 4th", "ana asks payroll on the 3rd", "bo asks helpdesk on the 2nd"],
            page.Rows.Select(r => r.Question));
    }

    [Fact]
    public async Task Page_AllFiltersTogether_AndInPages()
    {
        var filter = new AdminChatLogFilter(_payroll.Id, null, new DayRange(new DateOnly(2026, 11, 3), null));

        var first = await _logs.PageAsync(Principal(_admin), filter, 0, 2);
        var second = await _logs.PageAsync(Principal(_admin), filter, 2, 2);

        Assert.Equal(3, first.Total);
        Assert.Equal(2, first.Rows.Count);
        Assert.Equal("ana asks payroll on the 3rd", Assert.Single(second.Rows).Question);
    }

    [Fact]
    public async Task Page_FromAfterTo_AsksNothingAndValidateSaysWhy()
    {
        var filter = new AdminChatLogFilter(Dates: new DayRange(new DateOnly(2026, 11, 5), new DateOnly(2026, 11, 1)));

        var page = await _logs.PageAsync(Principal(_admin), filter, 0, 25);
        var errors = await _logs.ValidateAsync(Principal(_admin), filter);

        Assert.Equal(0, page.Total);
        Assert.Equal([DayRange.FromAfterTo], errors[DayRange.ToField]);
    }

    [Fact]
    public async Task Validate_UnknownAssistantOrUser_SaysWhichField()
    {
        var errors = await _logs.ValidateAsync(Principal(_admin), new AdminChatLogFilter(999_999, "nobody"));

        Assert.Equal(["There is no assistant with id 999999."], errors[AdminChatLogFilter.AssistantField]);
        Assert.Equal(["There is no such user."], errors[AdminChatLogFilter.UserField]);
    }

    [Fact]
    public async Task Pickers_MatchAnyPartOfTheNameIgnoringCase()
    {
        var assistants = await _logs.AssistantsAsync(Principal(_admin), "DESK");
        var users = await _logs.UsersAsync(Principal(_admin), "n");
        var none = await _logs.UsersAsync(Principal(_admin), "%");

        Assert.Equal([new PickOption(_helpdesk.Id.ToString(), "Helpdesk")], assistants);
        Assert.Equal(["ana", "gina"], users.Select(u => u.Label));
        Assert.Empty(none);
    }

    [Theory]
    [InlineData(GlobalRole.ApplicationAdmin)]
    [InlineData(GlobalRole.User)]
    public async Task Page_AsAnyoneButAGlobalAdmin_IsNotFound(GlobalRole role)
    {
        var viewer = await _seed.UserAsync("viewer", role);

        await Assert.ThrowsAsync<AdminSectionNotFoundException>(() => _logs.PageAsync(Principal(viewer), new AdminChatLogFilter(), 0, 25));
        await Assert.ThrowsAsync<AdminSectionNotFoundException>(() => _logs.WriteCsvAsync(Principal(viewer), new AdminChatLogFilter(), Stream.Null));
    }

    [Fact]
    public async Task WriteCsv_OfAFilter_HasAHeaderAndOneRowPerExchange()
    {
        var rows = await CsvAsync(new AdminChatLogFilter(AssistantId: _helpdesk.Id));

        Assert.Equal(AdminChatLogs.CsvHeader, rows[0]);
        Assert.Equal(3, rows.Count);
        Assert.Equal(["2026-11-02T12:00:00Z", "Helpdesk", "bo", "User", "bo asks helpdesk on the 2nd", "Answer to bo asks helpdesk on the 2nd", "no", "", ""], rows[1]);
        Assert.Equal("Passage about printers", rows[2][7]);
    }

    [Fact]
    public async Task WriteCsv_AQuestionThatIsAFormula_IsNeutralized()
    {
        await _database.ExchangeAsync(_helpdesk, _bo, At(6), "=cmd|' /C calc'!A0");

        var rows = await CsvAsync(new AdminChatLogFilter(UserId: _bo.Id, Dates: new DayRange(new DateOnly(2026, 11, 6), null)));

        Assert.Equal("'=cmd|' /C calc'!A0", Assert.Single(rows.Skip(1))[4]);
    }

    private async Task<List<string[]>> CsvAsync(AdminChatLogFilter filter)
    {
        using var stream = new MemoryStream();
        await _logs.WriteCsvAsync(Principal(_admin), filter, stream);
        return CsvExportTests.Parse(Encoding.UTF8.GetString(stream.ToArray()).TrimStart('\uFEFF'));
    }
}
