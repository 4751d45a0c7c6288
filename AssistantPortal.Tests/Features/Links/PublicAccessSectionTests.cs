using AssistantPortal.Tests.Infrastructure;
using AngleSharp.Dom;
using AssistantPortal.Data;
using AssistantPortal.Features.Links;
using Bunit;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Tests.Features.Links;

public sealed class PublicAccessSectionTests : KeysAndLinksComponentTestBase
{
    private const string ViewToken = "VIEWtokenVIEWtokenVIEWtokenVIEWtokenVIEWtok";
    private const string EditToken = "EDITtokenEDITtokenEDITtokenEDITtokenEDITtok";

    [Fact]
    public async Task PublicAccessSection_ForUseOnly_RendersNothing()
    {
        var (assistant, viewer) = await AssistantWithViewerAsync(AccessLevel.UseOnly, PublicAccess.Everyone);

        var cut = await RenderSectionAsync(assistant, viewer);

        Assert.Equal("", cut.Markup.Trim());
    }

    [Fact]
    public async Task PublicAccessSection_ForReadOnly_ShowsTheOptionDisabledAndNoTokens()
    {
        var (assistant, viewer) = await AssistantWithViewerAsync(AccessLevel.ReadOnly, PublicAccess.Everyone);

        var cut = await RenderSectionAsync(assistant, viewer);

        Assert.All(cut.FindAll("input[type=radio]"), r => Assert.True(r.HasAttribute("disabled")));
        Assert.True(Radio(cut, "Everyone —").HasAttribute("checked"));
        Assert.Contains("A view link has been handed out.", cut.Markup);
        Assert.Contains("An edit link has been handed out.", cut.Markup);
        Assert.DoesNotContain(ViewToken, cut.Markup);
        Assert.DoesNotContain(EditToken, cut.Markup);
        Assert.Empty(cut.FindAll("button"));
        Assert.Empty(cut.FindAll("[data-testid=embed-snippet]"));
    }

    [Fact]
    public async Task PublicAccessSection_ForReadWrite_ChangesOptionsAndViewLinkButNotOwnerOnlyControls()
    {
        var (assistant, viewer) = await AssistantWithViewerAsync(AccessLevel.ReadWrite, PublicAccess.NotAccessible);

        var cut = await RenderSectionAsync(assistant, viewer);

        Assert.False(Radio(cut, "Not accessible").HasAttribute("disabled"));
        Assert.False(Radio(cut, "Everyone signed in").HasAttribute("disabled"));
        Assert.True(Radio(cut, "Everyone —").HasAttribute("disabled"));
        Assert.Contains($"/p/{ViewToken}", cut.Find("input[value$='" + ViewToken + "']").GetAttribute("value"));
        Assert.False(Button(cut, "Reset view link").HasAttribute("disabled"));
        Assert.True(Button(cut, "Reset edit link").HasAttribute("disabled"));
        Assert.True(cut.Find("button[aria-label='Copy edit link']").HasAttribute("disabled"));
        Assert.DoesNotContain(EditToken, cut.Markup);

        cut.ClickWhenReady(() => Radio(cut, "Everyone signed in"));

        // The group shows the choice at once and stays disabled while it is saved: enabled again, the save is done.
        cut.WaitForAssertion(() =>
        {
            Assert.True(Radio(cut, "Everyone signed in").HasAttribute("checked"));
            Assert.False(Radio(cut, "Not accessible").HasAttribute("disabled"));
        });
        Assert.Equal(PublicAccess.EveryoneSignedIn, await StoredAsync(assistant.Id, a => a.PublicAccess));
        Assert.Equal([assistant.Id], Events.Published);
    }

    [Fact]
    public async Task PublicAccessSection_ForReadWrite_ClickingTheDisabledEveryoneChangesNothing()
    {
        var (assistant, viewer) = await AssistantWithViewerAsync(AccessLevel.ReadWrite, PublicAccess.NotAccessible);
        var cut = await RenderSectionAsync(assistant, viewer);

        cut.ClickWhenReady(() => Radio(cut, "Everyone —"));

        Assert.Equal(PublicAccess.NotAccessible, await StoredAsync(assistant.Id, a => a.PublicAccess));
        Assert.True(Radio(cut, "Not accessible").HasAttribute("checked"));
    }

    [Fact]
    public async Task PublicAccessSection_ForOwner_ChoosingEveryoneShowsTheEmbedSnippet()
    {
        var (assistant, owner) = await AssistantWithViewerAsync(AccessLevel.Owner, PublicAccess.EveryoneSignedIn);
        var cut = await RenderSectionAsync(assistant, owner);
        Assert.Empty(cut.FindAll("[data-testid=embed-snippet]"));
        Assert.Contains(EditToken, cut.Markup);
        Assert.False(Button(cut, "Reset edit link").HasAttribute("disabled"));

        cut.ClickWhenReady(() => Radio(cut, "Everyone —"));

        var snippet = cut.WaitForElement("input[data-testid=embed-snippet]").GetAttribute("value");
        Assert.Equal($"<script src=\"http://localhost/embed.js\" data-assistant=\"{ViewToken}\" async></script>", snippet);
        Assert.Equal($"http://localhost/embed/{ViewToken}", cut.Find("[data-testid=widget-link]").GetAttribute("href"));
        Assert.Equal(PublicAccess.Everyone, await StoredAsync(assistant.Id, a => a.PublicAccess));

        cut.ClickWhenReady(() => cut.Find("button[aria-label='Copy embed snippet']"));
        cut.WaitForAssertion(() => Assert.Equal(snippet, JSInterop.VerifyInvoke("navigator.clipboard.writeText").Arguments.Single()));
    }

    [Fact]
    public async Task PublicAccessSection_ForOwner_ResettingTheEditLinkAsksFirstThenReplacesTheToken()
    {
        var (assistant, owner) = await AssistantWithViewerAsync(AccessLevel.Owner, PublicAccess.EveryoneSignedIn);
        var cut = await RenderSectionAsync(assistant, owner);

        cut.ClickWhenReady(() => Button(cut, "Reset edit link"));
        Assert.Contains("Reset the edit link?", cut.WaitForElement("[data-testid=confirm-reset]").TextContent);
        Assert.Equal(EditToken, await StoredAsync(assistant.Id, a => a.EditLinkToken));
        cut.ClickWhenReady(() => Button(cut, "Reset link"));

        // The confirmation goes once the token is replaced; the links shown are loaded again after that.
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=confirm-reset]")));
        var fresh = await StoredAsync(assistant.Id, a => a.EditLinkToken);
        Assert.NotEqual(EditToken, fresh);
        cut.WaitForAssertion(() => Assert.Contains(fresh!, cut.Markup));
        Assert.DoesNotContain(EditToken, cut.Markup);
    }

    [Fact]
    public async Task PublicAccessSection_ForReadWrite_HandsOutAViewLinkWithoutAsking()
    {
        var owner = await Seed.UserAsync("olga");
        var editor = await Seed.UserAsync("ed");
        var assistant = await Seed.AssistantAsync(owner, publicAccess: PublicAccess.EveryoneSignedIn);
        await Seed.GrantAsync(assistant, editor, AccessLevel.ReadWrite);
        SignInWithRealAuthorization(editor);
        var cut = await RenderSectionAsync(assistant, editor);

        cut.ClickWhenReady(() => Button(cut, "Create view link"));

        cut.WaitForElement("button[aria-label='Copy view link']");
        var token = await StoredAsync(assistant.Id, a => a.ViewLinkToken);
        Assert.NotNull(token);
        Assert.Contains($"http://localhost/p/{token}", cut.Markup);
    }

    [Fact]
    public async Task PublicAccessSection_OffersTeamOnlyWithinATeam()
    {
        var owner = await Seed.UserAsync("olga");
        var organization = await Seed.OrganizationAsync("Acme");
        var team = await Seed.TeamAsync(organization, "Support");
        var inTeam = await Seed.AssistantAsync(owner, "In team", await Seed.ProjectAsync(organization, "Helpdesk", team));
        var outside = await Seed.AssistantAsync(owner, "Outside", await Seed.ProjectAsync(organization, "Loose"));
        SignInWithRealAuthorization(owner);

        var within = await RenderSectionAsync(inTeam, owner);
        var without = await RenderSectionAsync(outside, owner);

        Assert.Equal(4, within.FindAll("input[type=radio]").Count);
        Assert.Contains("every member of \"Support\"", Radio(within, "Team").ParentElement!.ParentElement!.TextContent);
        Assert.Equal(3, without.FindAll("input[type=radio]").Count);
        Assert.DoesNotContain(without.FindAll("label.mud-radio"), l => l.TextContent.StartsWith("Team"));
    }

    [Fact]
    public async Task PublicAccessSection_WhenLoweredToReadOnly_DropsTheViewTokenAndControls()
    {
        var (assistant, viewer) = await AssistantWithViewerAsync(AccessLevel.ReadWrite, PublicAccess.Everyone);
        var cut = await RenderSectionAsync(assistant, viewer);
        Assert.Contains(ViewToken, cut.Markup);
        await using (var db = Database.CreateDbContext())
        {
            await db.AssistantUserGrants.Where(g => g.UserId == viewer.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(g => g.Level, AccessLevel.ReadOnly));
        }

        var lowered = await ResolveAsync(viewer, assistant);
        cut.Render(p => p.Add(c => c.Access, lowered));

        cut.WaitForAssertion(() => Assert.DoesNotContain(ViewToken, cut.Markup));
        Assert.Empty(cut.FindAll("button"));
        Assert.All(cut.FindAll("input[type=radio]"), r => Assert.True(r.HasAttribute("disabled")));
    }

    private async Task<(Assistant Assistant, ApplicationUser Viewer)> AssistantWithViewerAsync(AccessLevel level, PublicAccess publicAccess)
    {
        var owner = await Seed.UserAsync("olga");
        var assistant = await Seed.AssistantAsync(owner, publicAccess: publicAccess);
        await using (var db = Database.CreateDbContext())
        {
            await db.Assistants.Where(a => a.Id == assistant.Id)
                .ExecuteUpdateAsync(s => s.SetProperty(a => a.ViewLinkToken, ViewToken).SetProperty(a => a.EditLinkToken, EditToken));
        }
        if (level == AccessLevel.Owner)
        {
            SignInWithRealAuthorization(owner);
            return (assistant, owner);
        }
        var viewer = await Seed.UserAsync("vic");
        await Seed.GrantAsync(assistant, viewer, level);
        SignInWithRealAuthorization(viewer);
        return (assistant, viewer);
    }

    private async Task<IRenderedComponent<PublicAccessSection>> RenderSectionAsync(Assistant assistant, ApplicationUser viewer)
    {
        var access = await ResolveAsync(viewer, assistant);
        var cut = Render<PublicAccessSection>(p => p.Add(c => c.AssistantId, assistant.Id).Add(c => c.Access, access));
        if (access.Level >= AccessLevel.ReadOnly)
        {
            cut.WaitForElement("input[type=radio]");
        }
        return cut;
    }

    private static IElement Radio(IRenderedComponent<PublicAccessSection> cut, string labelStart) =>
        cut.FindAll("label.mud-radio").Single(l => l.TextContent.Trim().StartsWith(labelStart, StringComparison.Ordinal))
            .QuerySelector("input[type=radio]")!;

    private static IElement Button(IRenderedComponent<PublicAccessSection> cut, string text) =>
        cut.FindAll("button").Single(b => b.TextContent.Trim() == text);

    private async Task<T> StoredAsync<T>(int assistantId, System.Linq.Expressions.Expression<Func<Assistant, T>> select)
    {
        await using var db = Database.CreateDbContext();
        return await db.Assistants.Where(a => a.Id == assistantId).Select(select).SingleAsync();
    }
}
