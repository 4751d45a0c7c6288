using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.ApiKeys;
using AssistantPortal.Features.Assistants;
using AssistantPortal.Features.Sharing;
using AssistantPortal.Tests.Infrastructure;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantPortal.Tests.Features.Assistants;

/// <summary>
/// SPEC §4.6 on the assistant page: which tabs each level sees, not-found for no access, and live
/// revocation. The tabs' own content is stubbed: each tab is tested (and authorizes) on its own.
/// </summary>
public sealed class AssistantPageTests : BunitTestBase, IAsyncLifetime
{
    private static readonly string[] ConfigurationTabs = ["Chat", "Settings", "Knowledge", "Logs", "Access", "API keys"];

    private readonly TestDatabase _database = new();
    private readonly Seed _seed;

    public AssistantPageTests()
    {
        _seed = new Seed(_database);
        ComponentFactories.AddStub<ChatTab>("<div class=\"stub-chat\">chat</div>");
        ComponentFactories.AddStub<SettingsTab>("<div class=\"stub-settings\">settings</div>");
        ComponentFactories.AddStub<KnowledgeTab>();
        ComponentFactories.AddStub<LogsTab>();
        ComponentFactories.AddStub<AccessTab>();
        ComponentFactories.AddStub<ApiKeysTab>();
        ComponentFactories.AddStub<EvaluationTab>();
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    private IRenderedComponent<AssistantPage> RenderPageAs(ApplicationUser viewer, int assistantId)
    {
        SignIn(viewer);
        Services.AddAssistantFeature(_database);
        return Render<AssistantPage>(p => p.Add(x => x.Id, assistantId));
    }

    private static string[] TabTitles(IRenderedComponent<AssistantPage> cut) =>
        cut.FindAll(".mud-tabs .mud-tab").Select(t => t.TextContent.Trim()).ToArray();

    private static void AssertNotFound(IRenderedComponent<AssistantPage> cut)
    {
        Assert.Contains("Not found", cut.Markup);
        Assert.Empty(cut.FindAll(".mud-tabs"));
        Assert.Empty(cut.FindAll(".stub-chat"));
        Assert.Empty(cut.FindAll("[data-testid=assistant-name]"));
    }

    private async Task<(ApplicationUser Owner, Assistant Assistant)> AssistantAsync()
    {
        var owner = await _seed.UserAsync("olivia");
        return (owner, await _seed.AssistantAsync(owner, "Helpdesk bot"));
    }

    private async Task<ApplicationUser> ViewerWithGrantAsync(Assistant assistant, AccessLevel level)
    {
        var viewer = await _seed.UserAsync("victor");
        await _seed.GrantAsync(assistant, viewer, level);
        return viewer;
    }

    [Fact]
    public async Task Open_WithNoAccess_ShowsNotFoundAndNothingOfTheAssistant()
    {
        var (_, assistant) = await AssistantAsync();
        var outsider = await _seed.UserAsync("mallory");

        var cut = RenderPageAs(outsider, assistant.Id);

        cut.WaitForAssertion(() => AssertNotFound(cut));
        Assert.DoesNotContain("Helpdesk bot", cut.Markup);
    }

    [Fact]
    public async Task Open_AnIdThatDoesNotExist_LooksTheSameAsNoAccess()
    {
        var (owner, _) = await AssistantAsync();

        var cut = RenderPageAs(owner, 4242);

        cut.WaitForAssertion(() => AssertNotFound(cut));
    }

    [Fact]
    public async Task Open_AsUseOnly_ShowsTheChatAloneWithoutATabBar()
    {
        var (_, assistant) = await AssistantAsync();
        var viewer = await ViewerWithGrantAsync(assistant, AccessLevel.UseOnly);

        var cut = RenderPageAs(viewer, assistant.Id);

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll(".stub-chat")));
        Assert.Empty(cut.FindAll(".mud-tabs"));
        Assert.Empty(cut.FindAll(".stub-settings"));
        Assert.Contains("Use only", cut.Find("[data-testid=viewer-level]").TextContent);
    }

    [Theory]
    [InlineData(AccessLevel.ReadOnly)]
    [InlineData(AccessLevel.ReadWrite)]
    public async Task Open_WithAGrantOfReadOnlyOrMore_ShowsEveryConfigurationTabButEvaluation(AccessLevel level)
    {
        var (_, assistant) = await AssistantAsync();
        var viewer = await ViewerWithGrantAsync(assistant, level);

        var cut = RenderPageAs(viewer, assistant.Id);

        cut.WaitForAssertion(() => Assert.Equal(ConfigurationTabs, TabTitles(cut)));
        Assert.Contains(level.DisplayName(), cut.Find("[data-testid=viewer-level]").TextContent);
    }

    [Fact]
    public async Task Open_AsOwner_ShowsEveryConfigurationTabButEvaluation()
    {
        var (owner, assistant) = await AssistantAsync();

        var cut = RenderPageAs(owner, assistant.Id);

        cut.WaitForAssertion(() => Assert.Equal(ConfigurationTabs, TabTitles(cut)));
        Assert.Equal("Helpdesk bot", cut.Find("[data-testid=assistant-name]").TextContent);
        // The first tab, Chat, is the one shown.
        Assert.Single(cut.FindAll(".stub-chat"));
    }

    [Fact]
    public async Task Open_AsGlobalAdmin_AlsoShowsEvaluation()
    {
        var (_, assistant) = await AssistantAsync();
        var admin = await _seed.UserAsync("root", GlobalRole.GlobalAdmin);

        var cut = RenderPageAs(admin, assistant.Id);

        cut.WaitForAssertion(() => Assert.Equal([.. ConfigurationTabs, "Evaluation"], TabTitles(cut)));
    }

    [Fact]
    public async Task GrantLoweredToUseOnly_WhileThePageIsOpen_DropsTheTabsWithinASecond()
    {
        var (_, assistant) = await AssistantAsync();
        var viewer = await ViewerWithGrantAsync(assistant, AccessLevel.ReadWrite);
        var cut = RenderPageAs(viewer, assistant.Id);
        cut.WaitForAssertion(() => Assert.Equal(ConfigurationTabs, TabTitles(cut)));

        await using (var db = _database.CreateDbContext())
        {
            await db.AssistantUserGrants.Where(g => g.UserId == viewer.Id).ExecuteUpdateAsync(s => s.SetProperty(g => g.Level, AccessLevel.UseOnly));
        }
        Services.GetRequiredService<IAccessChangeEvents>().PublishAssistant(assistant.Id);

        cut.WaitForAssertion(() =>
        {
            Assert.Empty(cut.FindAll(".mud-tabs"));
            Assert.Single(cut.FindAll(".stub-chat"));
        }, TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task GrantRemoved_WhileThePageIsOpen_ShowsNotFoundWithinASecond()
    {
        var (_, assistant) = await AssistantAsync();
        var viewer = await ViewerWithGrantAsync(assistant, AccessLevel.ReadOnly);
        var cut = RenderPageAs(viewer, assistant.Id);
        cut.WaitForAssertion(() => Assert.Equal(ConfigurationTabs, TabTitles(cut)));

        await using (var db = _database.CreateDbContext())
        {
            await db.AssistantUserGrants.Where(g => g.UserId == viewer.Id).ExecuteDeleteAsync();
        }
        Services.GetRequiredService<IAccessChangeEvents>().PublishAssistant(assistant.Id);

        cut.WaitForAssertion(() => AssertNotFound(cut), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task TeamMembershipRemoved_WhenAllAccessIsAnnouncedChanged_DropsTheTabs()
    {
        var (owner, assistant) = await AssistantAsync();
        var viewer = await _seed.UserAsync("victor");
        var organization = await _seed.OrganizationAsync("Acme");
        var team = await _seed.TeamAsync(organization, "Support", (viewer, TeamRole.Viewer));
        await _seed.GrantAsync(assistant, team, AccessLevel.ReadOnly, owner);
        var cut = RenderPageAs(viewer, assistant.Id);
        cut.WaitForAssertion(() => Assert.Equal(ConfigurationTabs, TabTitles(cut)));

        await using (var db = _database.CreateDbContext())
        {
            await db.TeamMembers.Where(m => m.UserId == viewer.Id).ExecuteDeleteAsync();
        }
        Services.GetRequiredService<IAccessChangeEvents>().PublishAll();

        cut.WaitForAssertion(() => AssertNotFound(cut), TimeSpan.FromSeconds(1));
    }

    [Fact]
    public async Task ChangeOnAnotherAssistant_LeavesThePageAsItIs()
    {
        var (owner, assistant) = await AssistantAsync();
        var other = await _seed.AssistantAsync(owner, "Other");
        var viewer = await ViewerWithGrantAsync(assistant, AccessLevel.ReadOnly);
        var cut = RenderPageAs(viewer, assistant.Id);
        cut.WaitForAssertion(() => Assert.Equal(ConfigurationTabs, TabTitles(cut)));
        await using (var db = _database.CreateDbContext())
        {
            await db.AssistantUserGrants.Where(g => g.UserId == viewer.Id).ExecuteDeleteAsync();
        }

        Services.GetRequiredService<IAccessChangeEvents>().PublishAssistant(other.Id);

        // Not re-resolved: the page still shows what it showed (the next change to this assistant will update it).
        Assert.Equal(ConfigurationTabs, TabTitles(cut));
    }

    [Fact]
    public async Task GlobalAdminDemoted_WhenAllAccessIsAnnouncedChanged_LosesEvaluationAndTheOtherTabs()
    {
        var (_, assistant) = await AssistantAsync();
        var admin = await _seed.UserAsync("root", GlobalRole.GlobalAdmin);
        var cut = RenderPageAs(admin, assistant.Id);
        cut.WaitForAssertion(() => Assert.Contains("Evaluation", TabTitles(cut)));

        await using (var db = _database.CreateDbContext())
        {
            await db.Users.Where(u => u.Id == admin.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.GlobalRole, GlobalRole.User));
        }
        Services.GetRequiredService<IAccessChangeEvents>().PublishAll();

        cut.WaitForAssertion(() => AssertNotFound(cut), TimeSpan.FromSeconds(1));
    }
}
