using AssistantPortal.Data;
using AssistantPortal.Features.Admin.Aliases;
using AssistantPortal.Features.Chat;
using AssistantPortal.Tests.Infrastructure;
using Bunit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MudBlazor;
using static AssistantPortal.Tests.Features.Admin.Aliases.AliasTestServices;

namespace AssistantPortal.Tests.Features.Admin.Aliases;

/// <summary>The Aliases page for an Application Admin: built-in and stored aliases, the form, and a key that never comes back.</summary>
public sealed class AliasesPageTests : BunitTestBase, IAsyncLifetime
{
    private const string SecretKey = "sk-page-4b1d-SECRET-never-render";

    private readonly TestDatabase _database = new();
    private readonly Seed _seed;
    private IRenderedComponent<MudDialogProvider> _dialogs = null!;

    public AliasesPageTests()
    {
        _seed = new Seed(_database);
        Services.AddAliasFeature(_database);
    }

    async Task IAsyncLifetime.InitializeAsync() => SignIn(await _seed.UserAsync("adam", GlobalRole.ApplicationAdmin));

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    private IRenderedComponent<AliasesPage> RenderPage()
    {
        var host = Render(builder =>
        {
            builder.OpenComponent<MudDialogProvider>(0);
            builder.CloseComponent();
            builder.OpenComponent<AliasesPage>(1);
            builder.CloseComponent();
        });
        _dialogs = host.FindComponent<MudDialogProvider>();
        var cut = host.FindComponent<AliasesPage>();
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("[data-testid=alias-row]")));
        return cut;
    }

    private static void Click(IRenderedComponent<AliasesPage> cut, string text) =>
        cut.ClickWhenReady(() => cut.FindAll("button").First(b => b.TextContent.Trim() == text));

    private static void Type(IRenderedComponent<AliasesPage> cut, string selector, string value) =>
        cut.ChangeWhenReady(() => cut.Find(selector), value);

    private static string KeyCell(IRenderedComponent<AliasesPage> cut, string alias) =>
        cut.Find($"[data-alias='{alias}'] [data-testid=alias-key]").TextContent.Trim();

    [Fact]
    public void Page_ListsTheBuiltInAliases()
    {
        var cut = RenderPage();

        Assert.Equal(["default", "offline"], cut.FindAll("[data-testid=alias-row]").Select(r => r.GetAttribute("data-alias")));
        Assert.Contains("Offline retrieval", cut.Find("[data-alias='offline']").TextContent);
    }

    [Fact]
    public async Task Create_ShowsTheAliasWithKeySetAndNeverRendersTheKey()
    {
        var cut = RenderPage();

        Click(cut, "New alias");
        Type(cut, "#alias-name", "gpt");
        Type(cut, "#alias-endpoint", "https://api.example.test/v1");
        Type(cut, "#alias-model", "gpt-4o-mini");
        Type(cut, "#alias-api-key", SecretKey);
        Click(cut, "Save alias");

        cut.WaitForAssertion(() => Assert.Equal("set", KeyCell(cut, "gpt")));
        Assert.DoesNotContain("SECRET", cut.Markup);
        await using (var db = _database.CreateDbContext())
        {
            Assert.Equal("gpt-4o-mini", (await db.ChatModelAliases.SingleAsync()).Model);
        }

        // Opening it again offers to replace the key but does not send it back.
        cut.ClickWhenReady(() => cut.FindAll("button").Single(b => b.GetAttribute("aria-label") == "Edit gpt"));
        cut.WaitForAssertion(() => Assert.NotEmpty(cut.FindAll("#alias-api-key")));
        Assert.True(string.IsNullOrEmpty(cut.Find("#alias-api-key").GetAttribute("value")));
        Assert.Contains("A key is set", cut.Markup);
        Assert.DoesNotContain("SECRET", cut.Markup);
    }

    [Fact]
    public async Task Create_WithMalformedEndpoint_ShowsTheMessageNextToTheFieldAndStoresNothing()
    {
        var cut = RenderPage();

        Click(cut, "New alias");
        Type(cut, "#alias-name", "gpt");
        Type(cut, "#alias-endpoint", "api.example.test/v1");
        Type(cut, "#alias-model", "gpt-4o-mini");
        Type(cut, "#alias-api-key", SecretKey);
        Click(cut, "Save alias");

        cut.WaitForAssertion(() => Assert.Contains(ModelAliasRules.MalformedEndpoint, cut.Find("#alias-endpoint").Closest(".mud-input-control")!.TextContent));
        Assert.DoesNotContain("SECRET", cut.Markup);
        await using var db = _database.CreateDbContext();
        Assert.False(await db.ChatModelAliases.AnyAsync());
    }

    [Fact]
    public async Task StoredAlias_ShowsEndpointModelAndWhetherAKeyIsSet()
    {
        var keys = Services.GetRequiredService<ModelAliasKeys>();
        await StoreAsync(_database, "gpt", protectedKey: keys.Protect(SecretKey));
        await StoreAsync(_database, "llama", "http://localhost:11434/v1", "llama3.1");

        var cut = RenderPage();

        Assert.Equal("set", KeyCell(cut, "gpt"));
        Assert.Equal("not set", KeyCell(cut, "llama"));
        Assert.Contains("http://localhost:11434/v1", cut.Find("[data-alias='llama']").TextContent);
        Assert.DoesNotContain("SECRET", cut.Markup);
    }

    [Fact]
    public async Task Delete_Confirmed_SaysHowManyAssistantsMoveAndDeletes()
    {
        var alias = await StoreAsync(_database, "gpt");
        var owner = await _seed.UserAsync("olivia");
        await UseAliasAsync(_database, await _seed.AssistantAsync(owner), "gpt");
        var cut = RenderPage();

        cut.ClickWhenReady(() => cut.FindAll("button").Single(b => b.GetAttribute("aria-label") == "Delete gpt"));
        _dialogs.WaitForAssertion(() => Assert.Contains("1 assistant uses it and will switch to \"default\".", _dialogs.Markup));
        _dialogs.ClickWhenReady(() => _dialogs.FindAll(".mud-dialog button").Single(b => b.TextContent.Trim() == "Delete"));

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-alias='gpt']")));
        await using var db = _database.CreateDbContext();
        Assert.False(await db.ChatModelAliases.AnyAsync(a => a.Id == alias.Id));
    }
}
