using AssistantPortal.Data;
using AssistantPortal.Features.Assistants;
using AssistantPortal.Tests.Infrastructure;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AssistantPortal.Tests.Features.Assistants;

/// <summary>The New assistant form: the server's messages next to their fields, and a successful create.</summary>
public sealed class NewAssistantPageTests : BunitTestBase, IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private readonly Seed _seed;
    private ApplicationUser _ana = null!;

    public NewAssistantPageTests() => _seed = new Seed(_database);

    async Task IAsyncLifetime.InitializeAsync() => _ana = await _seed.UserAsync("ana");

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    private IRenderedComponent<NewAssistant> RenderPage()
    {
        SignIn(_ana);
        Services.AddAssistantFeature(_database);
        var cut = Render<NewAssistant>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("#new-assistant-name")));
        return cut;
    }

    private static string FieldText(IRenderedComponent<NewAssistant> cut, string id) =>
        cut.Find(id).Closest(".mud-input-control")!.TextContent;

    [Fact]
    public async Task Submit_WithEmptyName_ShowsEnterANameNextToTheNameAndCreatesNothing()
    {
        var cut = RenderPage();

        cut.SubmitWhenReady(() => cut.Find("form"));

        cut.WaitForAssertion(() => Assert.Contains("Enter a name.", FieldText(cut, "#new-assistant-name")));
        await using var db = _database.CreateDbContext();
        Assert.False(await db.Assistants.AnyAsync());
    }

    [Fact]
    public async Task Submit_WithOverLongDescription_ShowsTheLimitNextToTheDescription()
    {
        var cut = RenderPage();

        cut.ChangeWhenReady(() => cut.Find("#new-assistant-name"), "Bot");
        cut.ChangeWhenReady(() => cut.Find("#new-assistant-description"), new string('d', 1001));
        cut.SubmitWhenReady(() => cut.Find("form"));

        cut.WaitForAssertion(() => Assert.Contains("at most 1000 characters", FieldText(cut, "#new-assistant-description")));
        Assert.DoesNotContain("Enter a name.", cut.Markup);
        await using var db = _database.CreateDbContext();
        Assert.False(await db.Assistants.AnyAsync());
    }

    [Fact]
    public async Task Submit_WithAName_CreatesTheAssistantAndOpensIt()
    {
        var cut = RenderPage();

        cut.ChangeWhenReady(() => cut.Find("#new-assistant-name"), "Helpdesk bot");
        cut.SubmitWhenReady(() => cut.Find("form"));

        var navigation = Services.GetRequiredService<NavigationManager>();
        cut.WaitForAssertion(() => Assert.Matches(@"/assistants/\d+$", navigation.Uri));
        await using var db = _database.CreateDbContext();
        var assistant = await db.Assistants.SingleAsync();
        Assert.Equal("Helpdesk bot", assistant.Name);
        Assert.Equal(_ana.Id, assistant.OwnerId);
        Assert.EndsWith($"/assistants/{assistant.Id}", navigation.Uri);
    }

    [Fact]
    public async Task ProjectSelect_OffersNoProjectAndOnlyTheProjectsTheCreatorMayUse()
    {
        var organization = await _seed.OrganizationAsync("Acme", (_ana, OrganizationRole.Member));
        var mine = await _seed.ProjectAsync(organization, "Mine");
        await _seed.ProjectAsync(organization, "Someone elses");
        await _seed.AddToProjectAsync(mine, _ana, ProjectRole.Member);
        SignIn(_ana);
        Services.AddAssistantFeature(_database);
        var host = Render(builder =>
        {
            builder.OpenComponent<MudPopoverProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<NewAssistant>(1);
            builder.CloseComponent();
        });
        host.WaitForAssertion(() => Assert.NotEmpty(host.FindAll("#new-assistant-project")));

        var select = host.FindComponent<MudSelect<int?>>();
        await host.InvokeAsync(select.Instance.OpenMenu);

        host.WaitForAssertion(() => Assert.Equal(["No project", "Mine (Acme)"],
            host.FindAll(".mud-popover .mud-list-item").Select(i => i.TextContent.Trim())));
    }

    [Fact]
    public async Task Submit_WithAProjectTheCreatorLeftMeanwhile_ShowsTheMessageNextToTheProjectAndCreatesNothing()
    {
        var organization = await _seed.OrganizationAsync("Acme", (_ana, OrganizationRole.Member));
        var project = await _seed.ProjectAsync(organization, "Helpdesk");
        await _seed.AddToProjectAsync(project, _ana, ProjectRole.Member);
        var cut = RenderPage();
        cut.ChangeWhenReady(() => cut.Find("#new-assistant-name"), "Bot");
        var select = cut.FindComponent<MudSelect<int?>>();
        await cut.InvokeAsync(() => select.Instance.ValueChanged.InvokeAsync(project.Id));
        await using (var db = _database.CreateDbContext())
        {
            await db.ProjectUserMembers.Where(m => m.UserId == _ana.Id).ExecuteDeleteAsync();
        }

        cut.SubmitWhenReady(() => cut.Find("form"));

        cut.WaitForAssertion(() => Assert.Contains(CreateAssistant.ProjectNotUsable, FieldText(cut, "#new-assistant-project")));
        await using var check = _database.CreateDbContext();
        Assert.False(await check.Assistants.AnyAsync());
    }
}
