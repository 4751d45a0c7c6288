using AssistantPortal.Data;
using AssistantPortal.Features.Assistants;
using AssistantPortal.Tests.Infrastructure;
using Bunit;

namespace AssistantPortal.Tests.Features.Assistants;

/// <summary>The "My assistants" component: rows with the viewer's level, the count, the empty state and a filter.</summary>
public sealed class AssistantListTests : BunitTestBase, IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private readonly Seed _seed;
    private ApplicationUser _ana = null!;

    public AssistantListTests() => _seed = new Seed(_database);

    async Task IAsyncLifetime.InitializeAsync() => _ana = await _seed.UserAsync("ana");

    async Task IAsyncLifetime.DisposeAsync()
    {
        await base.DisposeAsync();
        await _database.DisposeAsync();
    }

    private IRenderedComponent<AssistantList> RenderList()
    {
        SignIn(_ana);
        Services.AddAssistantFeature(_database);
        return Render<AssistantList>();
    }

    private static string[] RowNames(IRenderedComponent<AssistantList> cut) =>
        cut.FindAll("tbody tr td[data-label=Name] a").Select(a => a.TextContent.Trim()).ToArray();

    [Fact]
    public void WithNoAssistants_ShowsTheEmptyStateWithANewAssistantButton()
    {
        var cut = RenderList();

        cut.WaitForAssertion(() => Assert.NotNull(cut.Find("[data-testid=assistants-empty]")));
        var button = cut.Find("[data-testid=assistants-empty] a");
        Assert.Equal("assistants/new", button.GetAttribute("href"));
        Assert.Contains("New assistant", button.TextContent);
        Assert.Equal("0 assistants", cut.Find("[data-testid=assistant-count]").TextContent);
    }

    [Fact]
    public async Task WithAssistants_ListsThemWithOwnerLevelAndTheCount()
    {
        var bob = await _seed.UserAsync("bob");
        await _seed.AssistantAsync(_ana, "Alpha");
        var bravo = await _seed.AssistantAsync(bob, "Bravo <b>bold</b>");
        await _seed.GrantAsync(bravo, _ana, AccessLevel.UseOnly);
        await _seed.AssistantAsync(bob, "Hidden");

        var cut = RenderList();

        cut.WaitForAssertion(() => Assert.Equal(["Alpha", "Bravo <b>bold</b>"], RowNames(cut)));
        Assert.Equal("2 assistants", cut.Find("[data-testid=assistant-count]").TextContent);
        var bravoRow = cut.FindAll("tbody tr")[1];
        Assert.Equal("bob", bravoRow.QuerySelector("td[data-label=Owner]")!.TextContent.Trim());
        Assert.Equal("Use only", bravoRow.QuerySelector("td[data-label='Your access']")!.TextContent.Trim());
        // Typed text is shown escaped, never as markup.
        Assert.Empty(cut.FindAll("tbody b"));
    }

    [Fact]
    public async Task OwnedFilter_ShowsOnlyTheViewersOwnAssistants()
    {
        var bob = await _seed.UserAsync("bob");
        await _seed.AssistantAsync(_ana, "Alpha");
        var bravo = await _seed.AssistantAsync(bob, "Bravo");
        await _seed.GrantAsync(bravo, _ana, AccessLevel.ReadOnly);
        var cut = RenderList();
        cut.WaitForAssertion(() => Assert.Equal(["Alpha", "Bravo"], RowNames(cut)));

        cut.ClickWhenReady(() => cut.FindAll("button").Single(b => b.TextContent.Trim() == "Owned by me"));

        cut.WaitForAssertion(() => Assert.Equal(["Alpha"], RowNames(cut)));
        Assert.Equal("1 assistant", cut.Find("[data-testid=assistant-count]").TextContent);
    }
}
