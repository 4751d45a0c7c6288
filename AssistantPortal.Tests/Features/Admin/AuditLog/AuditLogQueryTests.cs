using System.Text;
using AssistantPortal.Data;
using AssistantPortal.Features.Admin;
using AssistantPortal.Features.Admin.AuditLog;
using AssistantPortal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static AssistantPortal.Tests.Features.Admin.AdminLogsTestServices;

namespace AssistantPortal.Tests.Features.Admin.AuditLog;

/// <summary>SPEC §9 "Audit log" on a real database: filters, paging, pickers, CSV, and the Global-Admin-only rule.</summary>
public sealed class AuditLogQueryTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private readonly Seed _seed;
    private readonly ServiceProvider _services;
    private readonly AuditLogQuery _audit;

    private ApplicationUser _admin = null!;
    private ApplicationUser _ana = null!;
    private Assistant _helpdesk = null!;
    private Assistant _payroll = null!;

    public AuditLogQueryTests()
    {
        _seed = new Seed(_database);
        _services = Build(_database);
        _audit = _services.GetRequiredService<AuditLogQuery>();
    }

    public async Task InitializeAsync()
    {
        _admin = await _seed.UserAsync("gina", GlobalRole.GlobalAdmin);
        _ana = await _seed.UserAsync("ana");
        _helpdesk = await _seed.AssistantAsync(_ana, "Helpdesk");
        _payroll = await _seed.AssistantAsync(_ana, "Payroll");
        await _database.AuditAsync(AuditAction.UserGrantAdded, _ana, At(1), _helpdesk, "bo", "Read only");
        await _database.AuditAsync(AuditAction.ApiKeyCreated, _ana, At(2), _payroll, "build bot");
        await _database.AuditAsync(AuditAction.GlobalRoleChanged, _admin, At(3), target: "ana", details: "User → Application Admin");
        await _database.AuditAsync(AuditAction.UserGrantRemoved, _admin, At(4, 23), _helpdesk, "bo");
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task Page_WithoutFilter_ListsEveryEntryNewestFirst()
    {
        var page = await _audit.PageAsync(Principal(_admin), new AuditLogFilter(), 0, 25);

        Assert.Equal(4, page.Total);
        Assert.Equal([AuditAction.UserGrantRemoved, AuditAction.GlobalRoleChanged, AuditAction.ApiKeyCreated, AuditAction.UserGrantAdded],
            page.Rows.Select(r => r.Action));
    }

    [Fact]
    public async Task Page_ByActor_ListsOnlyTheirChanges()
    {
        var page = await _audit.PageAsync(Principal(_admin), new AuditLogFilter(ActorUserId: _ana.Id), 0, 25);

        Assert.Equal([AuditAction.ApiKeyCreated, AuditAction.UserGrantAdded], page.Rows.Select(r => r.Action));
    }

    [Fact]
    public async Task Page_ByAssistant_ListsOnlyItsChanges()
    {
        var page = await _audit.PageAsync(Principal(_admin), new AuditLogFilter(AssistantId: _helpdesk.Id), 0, 25);

        Assert.Equal([AuditAction.UserGrantRemoved, AuditAction.UserGrantAdded], page.Rows.Select(r => r.Action));
    }

    [Fact]
    public async Task Page_ByKind_ListsOnlyThatKind()
    {
        var page = await _audit.PageAsync(Principal(_admin), new AuditLogFilter(Action: AuditAction.ApiKeyCreated), 0, 25);

        Assert.Equal("build bot", Assert.Single(page.Rows).Target);
    }

    [Fact]
    public async Task Page_ByDays_IncludesBothWholeDays()
    {
        var page = await _audit.PageAsync(Principal(_admin),
            new AuditLogFilter(Dates: new DayRange(new DateOnly(2026, 11, 2), new DateOnly(2026, 11, 4))), 0, 1);

        Assert.Equal(3, page.Total);
        Assert.Equal(AuditAction.UserGrantRemoved, Assert.Single(page.Rows).Action);
    }

    [Fact]
    public async Task Page_FromAfterTo_ListsNothing()
    {
        var page = await _audit.PageAsync(Principal(_admin),
            new AuditLogFilter(Dates: new DayRange(new DateOnly(2026, 11, 4), new DateOnly(2026, 11, 2))), 0, 25);

        Assert.Equal(0, page.Total);
    }

    [Fact]
    public async Task Pickers_OfferTheActorsAndAssistantsTheLogMentions()
    {
        var actors = await _audit.ActorsAsync(Principal(_admin), null);
        var assistants = await _audit.AssistantsAsync(Principal(_admin), "pay");

        Assert.Equal([new PickOption(_ana.Id, "ana"), new PickOption(_admin.Id, "gina")], actors);
        Assert.Equal([new PickOption(_payroll.Id.ToString(), "Payroll")], assistants);
    }

    [Theory]
    [InlineData(GlobalRole.ApplicationAdmin)]
    [InlineData(GlobalRole.User)]
    public async Task Page_AsAnyoneButAGlobalAdmin_IsNotFound(GlobalRole role)
    {
        var viewer = await _seed.UserAsync("viewer", role);

        await Assert.ThrowsAsync<AdminSectionNotFoundException>(() => _audit.PageAsync(Principal(viewer), new AuditLogFilter(), 0, 25));
        await Assert.ThrowsAsync<AdminSectionNotFoundException>(() => _audit.WriteCsvAsync(Principal(viewer), new AuditLogFilter(), Stream.Null));
    }

    [Fact]
    public async Task WriteCsv_OfAFilter_HasAHeaderAndOneRowPerEntry_FormulasNeutralized()
    {
        await _database.AuditAsync(AuditAction.ShareRequested, _ana, At(5), _payroll, "=HYPERLINK(\"http://x\")", "+1");

        using var stream = new MemoryStream();
        await _audit.WriteCsvAsync(Principal(_admin), new AuditLogFilter(ActorUserId: _ana.Id), stream);
        var rows = CsvExportTests.Parse(Encoding.UTF8.GetString(stream.ToArray()).TrimStart('\uFEFF'));

        Assert.Equal(AuditLogQuery.CsvHeader, rows[0]);
        Assert.Equal(4, rows.Count);
        Assert.Equal(["2026-11-05T12:00:00Z", "Share requested", "ana", "Payroll", "'=HYPERLINK(\"http://x\")", "'+1"], rows[1]);
        Assert.Equal(["2026-11-01T12:00:00Z", "User grant added", "ana", "Helpdesk", "bo", "Read only"], rows[3]);
    }
}
