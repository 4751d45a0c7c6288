using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Audit;
using AssistantPortal.Features.Email;
using AssistantPortal.Features.Notifications;
using AssistantPortal.Features.Sharing;
using AssistantPortal.Infrastructure;
using AssistantPortal.Tests.Infrastructure;
using Bunit;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantPortal.Tests.Features.Sharing;

/// <summary>
/// The Access tab's sharing sections at each level: nothing for Use only, read-only for Read only,
/// editable for Read and write and Owner. The data and the authorization are real.
/// </summary>
public sealed class AccessSectionsTests : BunitTestBase, IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private readonly Seed _seed;

    public AccessSectionsTests()
    {
        _seed = new Seed(_database);
    }

    /// <summary>
    /// olivia owns the assistant; bob has Read only; team Support and organization Contoso have Use only; a
    /// request to share with team Sales waits. The viewer is olivia (Owner) or "viewer" with <paramref name="level"/>.
    /// </summary>
    private async Task<(Assistant Assistant, AssistantAccess Access)> ArrangeAsync(AccessLevel level)
    {
        var owner = await _seed.UserAsync("olivia");
        var bob = await _seed.UserAsync("bob");
        var tom = await _seed.UserAsync("tom");
        var contoso = await _seed.OrganizationAsync("Contoso");
        var support = await _seed.TeamAsync(contoso, "Support");
        var sales = await _seed.TeamAsync(contoso, "Sales", (tom, TeamRole.Owner));
        var assistant = await _seed.AssistantAsync(owner, "Helpdesk");
        await _seed.GrantAsync(assistant, bob, AccessLevel.ReadOnly, by: owner);
        await _seed.GrantAsync(assistant, support, AccessLevel.UseOnly, by: owner);
        await _seed.GrantAsync(assistant, contoso, AccessLevel.UseOnly, by: owner);
        await using (var db = _database.CreateDbContext())
        {
            db.ShareRequests.Add(new ShareRequest
            {
                AssistantId = assistant.Id, TargetKind = ShareTargetKind.Team, TeamId = sales.Id, RequestedLevel = AccessLevel.ReadOnly,
                RequestedByUserId = owner.Id, RequestedAt = DateTime.UtcNow, Status = ShareRequestStatus.Pending,
            });
            await db.SaveChangesAsync();
        }
        var viewer = owner;
        if (level != AccessLevel.Owner)
        {
            viewer = await _seed.UserAsync("viewer");
            await _seed.GrantAsync(assistant, viewer, level);
        }

        SignIn(viewer);
        // Resource-based authorization must be the app's, not bunit's stand-in.
        Services.AddSingleton<IDbContextFactory<ApplicationDbContext>>(_database);
        Services.Configure<PortalOptions>(_ => { });
        Services.AddAccess();
        Services.AddSingleton<IAuthorizationService, DefaultAuthorizationService>();
        Services.AddSingleton<IAuthorizationPolicyProvider, DefaultAuthorizationPolicyProvider>();
        Services.AddAudit();
        Services.AddEmail(new ConfigurationBuilder().Build());
        Services.AddNotifications();
        Services.AddSharing();
        var access = await Services.GetRequiredService<IAccessResolver>().ResolveAsync(new Viewer(viewer.Id), assistant.Id);
        Assert.Equal(level, access.Level);
        return (assistant, access);
    }

    [Fact]
    public async Task AccessTab_ForUseOnlyViewer_RendersNothing()
    {
        var (assistant, access) = await ArrangeAsync(AccessLevel.UseOnly);

        var cut = Render(typeof(AccessTab), assistant, access);

        Assert.Equal("", cut.Markup.Trim());
    }

    [Theory]
    [InlineData(typeof(ShareWithUsersSection))]
    [InlineData(typeof(ShareWithTeamsSection))]
    [InlineData(typeof(ShareWithOrganizationsSection))]
    [InlineData(typeof(ExplainAccessSection))]
    public async Task Section_ForUseOnlyViewer_IsHidden(Type section)
    {
        var (assistant, access) = await ArrangeAsync(AccessLevel.UseOnly);

        var cut = Render(section, assistant, access);

        Assert.Equal("", cut.Markup.Trim());
    }

    [Fact]
    public async Task UsersSection_ForReadOnlyViewer_ListsGrantsWithoutControls()
    {
        var (assistant, access) = await ArrangeAsync(AccessLevel.ReadOnly);

        var cut = Render(typeof(ShareWithUsersSection), assistant, access);

        cut.WaitForAssertion(() => Assert.Contains("bob", cut.Find("table").TextContent));
        Assert.Contains("Read only", cut.Find("table").TextContent);
        Assert.DoesNotContain(cut.FindAll("button"), b => b.TextContent.Trim() is "Add" or "Remove");
        Assert.Empty(cut.FindAll("input"));
    }

    [Theory]
    [InlineData(AccessLevel.ReadWrite)]
    [InlineData(AccessLevel.Owner)]
    public async Task UsersSection_ForSharer_OffersAddChangeAndRemove(AccessLevel level)
    {
        var (assistant, access) = await ArrangeAsync(level);

        var cut = Render(typeof(ShareWithUsersSection), assistant, access);

        cut.WaitForAssertion(() => Assert.Contains("bob", cut.Find("table").TextContent));
        Assert.Single(cut.FindAll("button"), b => b.TextContent.Trim() == "Add");
        Assert.Contains(cut.FindAll("button"), b => b.TextContent.Trim() == "Remove");
        Assert.NotEmpty(cut.FindAll("input"));
    }

    [Fact]
    public async Task TeamsSection_ForReadOnlyViewer_ListsGrantsAndPendingWithoutControls()
    {
        var (assistant, access) = await ArrangeAsync(AccessLevel.ReadOnly);

        var cut = Render(typeof(ShareWithTeamsSection), assistant, access);

        cut.WaitForAssertion(() => Assert.Contains("Support (Contoso)", cut.Markup));
        Assert.Contains("Pending review", cut.Markup);
        Assert.Contains("Sales (Contoso)", cut.Markup);
        Assert.DoesNotContain(cut.FindAll("button"), b => b.TextContent.Trim() is "Add" or "Remove" or "Withdraw");
    }

    [Theory]
    [InlineData(AccessLevel.ReadWrite)]
    [InlineData(AccessLevel.Owner)]
    public async Task TeamsSection_ForSharer_OffersAddAndRemove(AccessLevel level)
    {
        var (assistant, access) = await ArrangeAsync(level);

        var cut = Render(typeof(ShareWithTeamsSection), assistant, access);

        cut.WaitForAssertion(() => Assert.Contains("Support (Contoso)", cut.Markup));
        Assert.Single(cut.FindAll("button"), b => b.TextContent.Trim() == "Add");
        Assert.Contains(cut.FindAll("button"), b => b.TextContent.Trim() == "Remove");
        // Only the requester (olivia) may withdraw her request.
        Assert.Equal(level == AccessLevel.Owner, cut.FindAll("button").Any(b => b.TextContent.Trim() == "Withdraw"));
    }

    [Fact]
    public async Task OrganizationsSection_ForReadOnlyViewer_ListsGrantsWithoutControls()
    {
        var (assistant, access) = await ArrangeAsync(AccessLevel.ReadOnly);

        var cut = Render(typeof(ShareWithOrganizationsSection), assistant, access);

        cut.WaitForAssertion(() => Assert.Contains("Contoso", cut.Find("table").TextContent));
        Assert.DoesNotContain("Sales", cut.Markup); // a team request belongs to the teams section
        Assert.DoesNotContain(cut.FindAll("button"), b => b.TextContent.Trim() is "Add" or "Remove");
    }

    [Theory]
    [InlineData(AccessLevel.ReadWrite)]
    [InlineData(AccessLevel.Owner)]
    public async Task OrganizationsSection_ForSharer_OffersAddAndRemove(AccessLevel level)
    {
        var (assistant, access) = await ArrangeAsync(level);

        var cut = Render(typeof(ShareWithOrganizationsSection), assistant, access);

        cut.WaitForAssertion(() => Assert.Contains("Contoso", cut.Find("table").TextContent));
        Assert.Single(cut.FindAll("button"), b => b.TextContent.Trim() == "Add");
        Assert.Contains(cut.FindAll("button"), b => b.TextContent.Trim() == "Remove");
    }

    [Theory]
    [InlineData(AccessLevel.ReadOnly)]
    [InlineData(AccessLevel.ReadWrite)]
    [InlineData(AccessLevel.Owner)]
    public async Task ExplainSection_FromReadOnly_IsOffered(AccessLevel level)
    {
        var (assistant, access) = await ArrangeAsync(level);

        var cut = Render(typeof(ExplainAccessSection), assistant, access);

        Assert.Single(cut.FindAll("button"), b => b.TextContent.Trim() == "Explain");
    }

    [Fact]
    public async Task UsersSection_AddWithNoName_ShowsTheMessageAndSharesNothing()
    {
        var (assistant, access) = await ArrangeAsync(AccessLevel.Owner);
        var cut = Render(typeof(ShareWithUsersSection), assistant, access);
        cut.WaitForAssertion(() => Assert.Contains("bob", cut.Find("table").TextContent));

        await cut.InvokeAsync(() => cut.FindAll("button").Single(b => b.TextContent.Trim() == "Add").Click());

        cut.WaitForAssertion(() => Assert.Contains("Enter a username.", cut.Markup));
        await using var db = _database.CreateDbContext();
        Assert.Single(await db.AssistantUserGrants.ToListAsync()); // bob's, as before
        Assert.Empty(await db.AuditEntries.ToListAsync());
    }

    private IRenderedComponent<Bunit.Rendering.ContainerFragment> Render(Type section, Assistant assistant, AssistantAccess access) =>
        Render(builder =>
        {
            builder.OpenComponent(0, section);
            builder.AddAttribute(1, "AssistantId", assistant.Id);
            builder.AddAttribute(2, "Access", access);
            builder.CloseComponent();
        });

    Task IAsyncLifetime.InitializeAsync() => Task.CompletedTask;

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }
}
