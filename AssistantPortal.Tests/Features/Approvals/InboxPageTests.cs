using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Approvals;
using AssistantPortal.Features.Audit;
using AssistantPortal.Features.Email;
using AssistantPortal.Features.Notifications;
using AssistantPortal.Features.Sharing;
using AssistantPortal.Infrastructure;
using AssistantPortal.Tests.Infrastructure;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantPortal.Tests.Features.Approvals;

public sealed class InboxPageTests : BunitTestBase, IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private readonly Seed _seed;

    public InboxPageTests()
    {
        _seed = new Seed(_database);
    }

    /// <summary>olivia asked to share Helpdesk with team Support, owned by tom, who is signed in.</summary>
    private async Task ArrangeAsync()
    {
        var owner = await _seed.UserAsync("olivia");
        var tom = await _seed.UserAsync("tom");
        var contoso = await _seed.OrganizationAsync("Contoso");
        var support = await _seed.TeamAsync(contoso, "Support", (tom, TeamRole.Owner));
        var assistant = await _seed.AssistantAsync(owner, "Helpdesk");
        await using (var db = _database.CreateDbContext())
        {
            db.ShareRequests.Add(new ShareRequest
            {
                AssistantId = assistant.Id, TargetKind = ShareTargetKind.Team, TeamId = support.Id, RequestedLevel = AccessLevel.ReadOnly,
                RequestedByUserId = owner.Id, RequestedAt = DateTime.UtcNow, Status = ShareRequestStatus.Pending,
            });
            await db.SaveChangesAsync();
        }
        SignIn(tom);
        Services.AddSingleton<IDbContextFactory<ApplicationDbContext>>(_database);
        Services.Configure<PortalOptions>(_ => { });
        Services.AddAccess();
        Services.AddAudit();
        Services.AddEmail(new ConfigurationBuilder().Build());
        Services.AddNotifications();
        Services.AddSharing();
        Services.AddApprovals();
    }

    [Fact]
    public async Task Inbox_Approve_GrantsAndEmptiesTheList()
    {
        await ArrangeAsync();
        var cut = Render<InboxPage>();
        cut.WaitForAssertion(() => Assert.Contains("Helpdesk", cut.Find("table").TextContent));
        Assert.Contains("Support (Contoso)", cut.Find("table").TextContent);

        await cut.InvokeAsync(() => cut.FindAll("button").Single(b => b.TextContent.Trim() == "Approve").Click());

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=inbox-empty]")));
        await using var db = _database.CreateDbContext();
        Assert.Equal(ShareRequestStatus.Approved, (await db.ShareRequests.SingleAsync()).Status);
        Assert.Single(await db.AssistantTeamGrants.ToListAsync());
    }

    [Fact]
    public async Task Inbox_Delete_GrantsNothingAndEmptiesTheList()
    {
        await ArrangeAsync();
        var cut = Render<InboxPage>();
        cut.WaitForAssertion(() => Assert.Contains("Helpdesk", cut.Find("table").TextContent));

        await cut.InvokeAsync(() => cut.FindAll("button").Single(b => b.TextContent.Trim() == "Delete").Click());

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=inbox-empty]")));
        await using var db = _database.CreateDbContext();
        Assert.Equal(ShareRequestStatus.Deleted, (await db.ShareRequests.SingleAsync()).Status);
        Assert.Empty(await db.AssistantTeamGrants.ToListAsync());
    }

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}
