using AssistantPortal.Data;
using AssistantPortal.Features.ApiKeys;
using AssistantPortal.Tests.Infrastructure;
using Bunit;
using Microsoft.EntityFrameworkCore;
using static AssistantPortal.Tests.Features.KeysAndLinksServices;

namespace AssistantPortal.Tests.Features.ApiKeys;

public sealed class ApiKeysTabTests : KeysAndLinksComponentTestBase
{
    [Fact]
    public async Task ApiKeysTab_ForUseOnly_RendersNothing()
    {
        var (assistant, viewer) = await AssistantWithViewerAsync(AccessLevel.UseOnly);
        await SeedKeyAsync(assistant, "Webhook");

        var cut = await RenderTabAsync(assistant, viewer);

        Assert.Equal("", cut.Markup.Trim());
    }

    [Fact]
    public async Task ApiKeysTab_ForReadOnly_ListsKeysWithoutGenerateOrDelete()
    {
        var (assistant, viewer) = await AssistantWithViewerAsync(AccessLevel.ReadOnly);
        var prefix = await SeedKeyAsync(assistant, "Webhook");

        var cut = await RenderTabAsync(assistant, viewer);

        var row = cut.WaitForElement("[data-testid=key-row]");
        Assert.Contains("Webhook", row.TextContent);
        Assert.Contains("Read only", row.TextContent);
        Assert.Contains(prefix, row.TextContent);
        Assert.Contains("olga", row.TextContent);
        Assert.Contains("Never", row.TextContent);
        Assert.Empty(cut.FindAll("form"));
        Assert.DoesNotContain("Generate", cut.Markup);
        Assert.Empty(cut.FindAll("button[aria-label^='Delete key']"));
    }

    [Fact]
    public async Task ApiKeysTab_ForReadWrite_OffersUpToReadAndWriteAndGenerates()
    {
        var (assistant, viewer) = await AssistantWithViewerAsync(AccessLevel.ReadWrite);
        var cut = await RenderTabAsync(assistant, viewer);
        cut.WaitForElement("[data-testid=no-keys]");

        Assert.Equal(3, cut.FindAll("input[type=radio]").Count);
        Assert.Contains("Read and write", cut.Find("form").TextContent);
        Assert.DoesNotContain("Owner", cut.Find("form").TextContent);
        Generate(cut, "CRM sync");

        Assert.NotNull(await new ApiKeyValidator(Database, Clock).ValidateAsync(SecretShown(cut)));
    }

    [Fact]
    public async Task ApiKeysTab_AfterGenerating_ShowsTheKeyOnceWithWarningAndCopy()
    {
        var (assistant, owner) = await AssistantWithViewerAsync(AccessLevel.Owner);
        var cut = await RenderTabAsync(assistant, owner);
        cut.WaitForElement("[data-testid=no-keys]");

        Generate(cut, "CRM sync");

        var secret = SecretShown(cut);
        Assert.StartsWith("ap_", secret);
        Assert.Contains("It will not be shown again", cut.Find("[data-testid=new-key]").TextContent);
        // The key list is loaded again after the new key is shown.
        cut.WaitForAssertion(() => Assert.Contains("CRM sync", cut.Find("[data-testid=key-row]").TextContent));
        Assert.Contains(secret[..10], cut.Find("[data-testid=key-row]").TextContent);

        cut.ClickWhenReady(() => cut.Find("button[aria-label='Copy key']"));
        cut.WaitForAssertion(() => Assert.Equal(secret, JSInterop.VerifyInvoke("navigator.clipboard.writeText").Arguments.Single()));

        cut.ClickWhenReady(() => cut.FindAll("button").Single(b => b.TextContent.Contains("I have copied the key")));
        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=new-key]")));
        Assert.DoesNotContain(secret, cut.Markup);

        // A fresh render (another tab, a reload) never has the secret.
        var again = await RenderTabAsync(assistant, owner);
        again.WaitForElement("[data-testid=key-row]");
        Assert.DoesNotContain(secret, again.Markup);
    }

    [Fact]
    public async Task ApiKeysTab_WithEmptyName_ShowsMessageAtTheFieldAndCreatesNothing()
    {
        var (assistant, owner) = await AssistantWithViewerAsync(AccessLevel.Owner);
        var cut = await RenderTabAsync(assistant, owner);
        cut.WaitForElement("[data-testid=no-keys]");

        cut.SubmitWhenReady(() => cut.Find("form"));

        cut.WaitForAssertion(() => Assert.Contains("Enter a name for the key.", cut.Markup));
        await using var db = Database.CreateDbContext();
        Assert.Equal(0, await db.ApiKeys.CountAsync());
    }

    [Fact]
    public async Task ApiKeysTab_WithDuplicateName_ShowsTheServerMessageAtTheField()
    {
        var (assistant, owner) = await AssistantWithViewerAsync(AccessLevel.Owner);
        await SeedKeyAsync(assistant, "Webhook");
        var cut = await RenderTabAsync(assistant, owner);
        cut.WaitForElement("[data-testid=key-row]");

        cut.InputWhenReady(() => KeyNameInput(cut), "Webhook");
        cut.SubmitWhenReady(() => cut.Find("form"));

        cut.WaitForAssertion(() => Assert.Contains("This assistant already has a key with that name.", cut.Markup));
        Assert.Empty(cut.FindAll("[data-testid=new-key]"));
    }

    [Fact]
    public async Task ApiKeysTab_Delete_AsksForConfirmationThenDeletes()
    {
        var (assistant, owner) = await AssistantWithViewerAsync(AccessLevel.Owner);
        await SeedKeyAsync(assistant, "Webhook");
        var cut = await RenderTabAsync(assistant, owner);
        cut.WaitForElement("[data-testid=key-row]");

        cut.ClickWhenReady(() => cut.Find("button[aria-label='Delete key Webhook']"));
        Assert.Contains("Delete the key \"Webhook\"?", cut.WaitForElement("[data-testid=confirm-delete]").TextContent);
        await using (var db = Database.CreateDbContext())
        {
            Assert.Equal(1, await db.ApiKeys.CountAsync());
        }

        cut.ClickWhenReady(() => cut.FindAll("button").Single(b => b.TextContent.Trim() == "Delete key"));

        cut.WaitForElement("[data-testid=no-keys]");
        await using (var db = Database.CreateDbContext())
        {
            Assert.Equal(0, await db.ApiKeys.CountAsync());
        }
    }

    [Fact]
    public async Task ApiKeysTab_DeleteCancelled_KeepsTheKey()
    {
        var (assistant, owner) = await AssistantWithViewerAsync(AccessLevel.Owner);
        await SeedKeyAsync(assistant, "Webhook");
        var cut = await RenderTabAsync(assistant, owner);
        cut.WaitForElement("[data-testid=key-row]");

        cut.ClickWhenReady(() => cut.Find("button[aria-label='Delete key Webhook']"));
        cut.ClickWhenReady(() => cut.FindAll("[data-testid=confirm-delete] button").Single(b => b.TextContent.Trim() == "Cancel"));

        cut.WaitForAssertion(() => Assert.Empty(cut.FindAll("[data-testid=confirm-delete]")));
        await using var db = Database.CreateDbContext();
        Assert.Equal(1, await db.ApiKeys.CountAsync());
    }

    [Fact]
    public async Task ApiKeysTab_WhenTheViewerLosesAccess_DropsTheKeysAndTheSecret()
    {
        var (assistant, viewer) = await AssistantWithViewerAsync(AccessLevel.ReadWrite);
        var cut = await RenderTabAsync(assistant, viewer);
        cut.WaitForElement("[data-testid=no-keys]");
        Generate(cut, "CRM sync");
        var secret = SecretShown(cut);
        await using (var db = Database.CreateDbContext())
        {
            await db.AssistantUserGrants.Where(g => g.UserId == viewer.Id).ExecuteDeleteAsync();
        }

        // The host page resolves again when access changes and passes the new access down.
        var lost = await ResolveAsync(viewer, assistant);
        cut.Render(p => p.Add(c => c.Access, lost));

        Assert.Equal("", cut.Markup.Trim());
        Assert.DoesNotContain(secret, cut.Markup);
    }

    private async Task<(Assistant Assistant, ApplicationUser Viewer)> AssistantWithViewerAsync(AccessLevel level)
    {
        var owner = await Seed.UserAsync("olga");
        var assistant = await Seed.AssistantAsync(owner);
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

    /// <summary>Stores a key made by the owner directly (as CreateApiKey would) and returns its display prefix.</summary>
    private async Task<string> SeedKeyAsync(Assistant assistant, string name)
    {
        var generated = ApiKeyGenerator.Generate();
        await using var db = Database.CreateDbContext();
        db.ApiKeys.Add(new ApiKey
        {
            AssistantId = assistant.Id, Name = name, Level = AccessLevel.ReadOnly, DisplayPrefix = generated.DisplayPrefix,
            Hash = generated.Hash, CreatedByUserId = assistant.OwnerId, CreatedAt = Start.UtcDateTime,
        });
        await db.SaveChangesAsync();
        return generated.DisplayPrefix;
    }

    private async Task<IRenderedComponent<ApiKeysTab>> RenderTabAsync(Assistant assistant, ApplicationUser viewer)
    {
        var access = await ResolveAsync(viewer, assistant);
        return Render<ApiKeysTab>(p => p.Add(c => c.AssistantId, assistant.Id).Add(c => c.Access, access));
    }

    private static void Generate(IRenderedComponent<ApiKeysTab> cut, string name)
    {
        cut.InputWhenReady(() => KeyNameInput(cut), name);
        cut.SubmitWhenReady(() => cut.Find("form"));
        cut.WaitForElement("[data-testid=new-key]");
    }

    private static AngleSharp.Dom.IElement KeyNameInput(IRenderedComponent<ApiKeysTab> cut) => cut.Find("input[data-testid=key-name]");

    private static string SecretShown(IRenderedComponent<ApiKeysTab> cut) =>
        cut.Find("input[data-testid=new-key-secret]").GetAttribute("value")!;
}
