using AssistantPortal.Data;
using AssistantPortal.Features.Admin;
using AssistantPortal.Features.Admin.AuditLog;
using AssistantPortal.Tests.Infrastructure;
using Bunit;
using MudBlazor;
using static AssistantPortal.Tests.Features.Admin.AdminLogsTestServices;

namespace AssistantPortal.Tests.Features.Admin.AuditLog;

public sealed class AuditLogPageTests : BunitTestBase, IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private readonly Seed _seed;

    public AuditLogPageTests()
    {
        _seed = new Seed(_database);
    }

    public new async Task InitializeAsync()
    {
        var admin = await _seed.UserAsync("gina", GlobalRole.GlobalAdmin);
        var ana = await _seed.UserAsync("ana");
        var helpdesk = await _seed.AssistantAsync(ana, "Helpdesk");
        await _database.AuditAsync(AuditAction.UserGrantAdded, ana, At(1), helpdesk, "bo", "<b>Read only</b>");
        await _database.AuditAsync(AuditAction.GlobalRoleChanged, admin, At(2), target: "ana", details: "User → Application Admin");
        SignIn(admin);
        Services.AddAdminLogsFeature(_database);
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public void Open_AsGlobalAdmin_ListsWhoWhatWhenAndWhichAssistant()
    {
        var cut = Render<AuditLogPage>();

        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=audit-log] tbody tr").Count));
        var rows = cut.FindAll("[data-testid=audit-log] tbody tr").Select(r => r.TextContent).ToList();
        Assert.Contains("gina", rows[0]);
        Assert.Contains("Global role changed", rows[0]);
        Assert.Contains("2026-11-02 12:00:00", rows[0]);
        Assert.Contains("Helpdesk", rows[1]);
        Assert.Contains("User grant added", rows[1]);
        // Text people typed is shown escaped.
        Assert.Contains("&lt;b&gt;Read only&lt;/b&gt;", cut.Markup);
    }

    [Fact]
    public async Task Kind_Chosen_ListsOnlyThatKind()
    {
        var cut = Render<AuditLogPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=audit-log] tbody tr").Count));

        var kind = cut.FindComponents<MudSelect<AuditAction?>>().Single();
        await cut.InvokeAsync(() => kind.Instance.ValueChanged.InvokeAsync(AuditAction.UserGrantAdded));

        cut.WaitForAssertion(() => Assert.Contains("User grant added", Assert.Single(cut.FindAll("[data-testid=audit-log] tbody tr")).TextContent));
        Assert.Equal("/admin/audit/export?action=UserGrantAdded", cut.Find("[data-testid=audit-export]").GetAttribute("href"));
    }

    [Fact]
    public async Task Dates_FromAfterTo_SaysSoNextToTheDatesAndListsNothing()
    {
        var cut = Render<AuditLogPage>();
        cut.WaitForAssertion(() => Assert.Equal(2, cut.FindAll("[data-testid=audit-log] tbody tr").Count));

        var pickers = cut.FindComponents<MudDatePicker>();
        await cut.InvokeAsync(() => pickers.Single(p => p.Instance.Label == "From (UTC)").Instance.DateChanged.InvokeAsync(new DateTime(2026, 11, 3)));
        await cut.InvokeAsync(() => pickers.Single(p => p.Instance.Label == "To (UTC)").Instance.DateChanged.InvokeAsync(new DateTime(2026, 11, 1)));

        cut.WaitForAssertion(() => Assert.Equal("Correct the dates to see entries.", cut.Find("[data-testid=audit-empty]").TextContent));
        Assert.Contains(DayRange.FromAfterTo, cut.Markup);
        Assert.True(cut.Find("[data-testid=audit-export]").HasAttribute("disabled"));
    }
}
