using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Assistants;
using AssistantPortal.Tests.Infrastructure;
using Bunit;
using Microsoft.AspNetCore.Components;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;

namespace AssistantPortal.Tests.Features.Assistants;

/// <summary>The Settings tab: editable from Read and write, read-only for Read only, Delete for Owner level only.</summary>
public sealed class SettingsTabTests : BunitTestBase, IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private readonly Seed _seed;
    private ApplicationUser _owner = null!;
    private Assistant _assistant = null!;
    private bool _deleted;
    private IRenderedComponent<MudDialogProvider> _dialogs = null!;

    public SettingsTabTests() => _seed = new Seed(_database);

    async Task IAsyncLifetime.InitializeAsync()
    {
        _owner = await _seed.UserAsync("olivia");
        _assistant = await _seed.AssistantAsync(_owner, "Helpdesk bot");
    }

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<IRenderedComponent<SettingsTab>> RenderAsAsync(ApplicationUser viewer)
    {
        SignIn(viewer);
        Services.AddAssistantFeature(_database);
        var access = await Services.GetRequiredService<IAccessResolver>().ResolveAsync(new Viewer(viewer.Id), _assistant.Id);
        var host = Render(builder =>
        {
            builder.OpenComponent<MudDialogProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<SettingsTab>(1);
            builder.AddAttribute(2, nameof(SettingsTab.AssistantId), _assistant.Id);
            builder.AddAttribute(3, nameof(SettingsTab.Access), access);
            builder.AddAttribute(4, nameof(SettingsTab.OnDeleted), EventCallback.Factory.Create(this, () => _deleted = true));
            builder.CloseComponent();
        });
        _dialogs = host.FindComponent<MudDialogProvider>();
        var cut = host.FindComponent<SettingsTab>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("#settings-name")));
        return cut;
    }

    private async Task<ApplicationUser> ViewerAsync(AccessLevel level)
    {
        var viewer = await _seed.UserAsync("victor");
        await _seed.GrantAsync(_assistant, viewer, level);
        return viewer;
    }

    private static bool HasButton(IRenderedComponent<SettingsTab> cut, string text) =>
        cut.FindAll("button").Any(b => b.TextContent.Trim() == text);

    private async Task<Assistant> StoredAsync()
    {
        await using var db = _database.CreateDbContext();
        return await db.Assistants.SingleAsync(a => a.Id == _assistant.Id);
    }

    [Fact]
    public async Task AsReadOnly_ShowsTheSettingsReadOnlyWithoutSaveOrDelete()
    {
        var cut = await RenderAsAsync(await ViewerAsync(AccessLevel.ReadOnly));

        Assert.Equal("Helpdesk bot", cut.Find("#settings-name").GetAttribute("value"));
        Assert.True(cut.Find("#settings-name").HasAttribute("readonly"));
        Assert.True(cut.Find("#settings-instructions").HasAttribute("readonly"));
        Assert.NotNull(cut.Find("[data-testid=settings-read-only]"));
        Assert.False(HasButton(cut, "Save settings"));
        Assert.False(HasButton(cut, "Delete assistant"));
    }

    [Fact]
    public async Task AsReadWrite_CanEditButNotDelete()
    {
        var cut = await RenderAsAsync(await ViewerAsync(AccessLevel.ReadWrite));

        Assert.False(cut.Find("#settings-name").HasAttribute("readonly"));
        Assert.True(HasButton(cut, "Save settings"));
        Assert.False(HasButton(cut, "Delete assistant"));
    }

    [Fact]
    public async Task AsOwner_CanEditAndDelete()
    {
        var cut = await RenderAsAsync(_owner);

        Assert.True(HasButton(cut, "Save settings"));
        Assert.True(HasButton(cut, "Delete assistant"));
    }

    [Fact]
    public async Task Save_WithValidInput_StoresTheSettings()
    {
        var cut = await RenderAsAsync(_owner);

        cut.ChangeWhenReady(() => cut.Find("#settings-name"), "Support bot");
        cut.ChangeWhenReady(() => cut.Find("#settings-instructions"), "Answer in English.");
        cut.SubmitWhenReady(() => cut.Find("form"));

        cut.WaitForAssertion(() =>
        {
            using var db = _database.CreateDbContext();
            Assert.Equal("Support bot", db.Assistants.Single(a => a.Id == _assistant.Id).Name);
        });
        var stored = await StoredAsync();
        Assert.Equal("Support bot", stored.Name);
        Assert.Equal("Answer in English.", stored.Instructions);
    }

    [Fact]
    public async Task Save_WithEmptyName_ShowsTheMessageNextToTheNameAndStoresNothing()
    {
        var cut = await RenderAsAsync(_owner);

        cut.ChangeWhenReady(() => cut.Find("#settings-name"), "");
        cut.ChangeWhenReady(() => cut.Find("#settings-instructions"), "Changed");
        cut.SubmitWhenReady(() => cut.Find("form"));

        cut.WaitForAssertion(() => Assert.Contains("Enter a name.", NameFieldText(cut)));
        var stored = await StoredAsync();
        Assert.Equal("Helpdesk bot", stored.Name);
        Assert.Equal("", stored.Instructions);
    }

    [Fact]
    public async Task Save_WithOverLongName_ShowsTheLimitNextToTheName()
    {
        var cut = await RenderAsAsync(_owner);

        cut.ChangeWhenReady(() => cut.Find("#settings-name"), new string('n', 101));
        cut.SubmitWhenReady(() => cut.Find("form"));

        cut.WaitForAssertion(() => Assert.Contains("at most 100 characters", NameFieldText(cut)));
        Assert.Equal("Helpdesk bot", (await StoredAsync()).Name);
    }

    [Fact]
    public async Task Delete_Confirmed_DeletesTheAssistantAndTellsTheHost()
    {
        var cut = await RenderAsAsync(_owner);

        cut.ClickWhenReady(() => cut.FindAll("button").Single(b => b.TextContent.Trim() == "Delete assistant"));
        _dialogs.ClickWhenReady(() => _dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Delete"));

        cut.WaitForAssertion(() => Assert.True(_deleted));
        await using var db = _database.CreateDbContext();
        Assert.False(await db.Assistants.AnyAsync());
    }

    [Fact]
    public async Task Delete_Cancelled_KeepsTheAssistant()
    {
        var cut = await RenderAsAsync(_owner);

        cut.ClickWhenReady(() => cut.FindAll("button").Single(b => b.TextContent.Trim() == "Delete assistant"));
        _dialogs.ClickWhenReady(() => _dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Cancel"));

        _dialogs.WaitForAssertion(() => Assert.Empty(_dialogs.FindAll(".mud-dialog")));
        Assert.False(_deleted);
        await using var db = _database.CreateDbContext();
        Assert.True(await db.Assistants.AnyAsync());
    }

    /// <summary>The text of the name field's container, where MudBlazor shows its error message.</summary>
    private static string NameFieldText(IRenderedComponent<SettingsTab> cut) =>
        cut.Find("#settings-name").Closest(".mud-input-control")!.TextContent;


    [Fact]
    public async Task EditRightsRevokedWhileOpen_MakesTheFieldsReadOnlyAndDropsUnsavedEdits()
    {
        var editor = await ViewerAsync(AccessLevel.ReadWrite);
        SignIn(editor);
        Services.AddAssistantFeature(_database);
        var resolver = Services.GetRequiredService<IAccessResolver>();
        var readWrite = await resolver.ResolveAsync(new Viewer(editor.Id), _assistant.Id);
        var cut = Render<SettingsTab>(p => p.Add(x => x.AssistantId, _assistant.Id).Add(x => x.Access, readWrite));
        cut.WaitForAssertion(() => Assert.True(HasButton(cut, "Save settings")));
        cut.ChangeWhenReady(() => cut.Find("#settings-name"), "Unsaved name");

        await using (var db = _database.CreateDbContext())
        {
            await db.AssistantUserGrants.Where(g => g.UserId == editor.Id).ExecuteUpdateAsync(s => s.SetProperty(g => g.Level, AccessLevel.ReadOnly));
        }
        var lowered = await resolver.ResolveAsync(new Viewer(editor.Id), _assistant.Id);
        cut.Render(p => p.Add(x => x.Access, lowered));

        cut.WaitForAssertion(() => Assert.Equal("Helpdesk bot", cut.Find("#settings-name").GetAttribute("value")));
        Assert.True(cut.Find("#settings-name").HasAttribute("readonly"));
        Assert.False(HasButton(cut, "Save settings"));
    }
}
