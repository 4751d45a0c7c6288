using System.Text;
using AssistantPortal.Data;
using AssistantPortal.Features.Assistants;
using AssistantPortal.Features.Chat;
using AssistantPortal.Features.Knowledge;
using AssistantPortal.Tests.Features;
using AssistantPortal.Tests.Infrastructure;
using Bunit;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static AssistantPortal.Tests.Features.KeysAndLinksServices;

namespace AssistantPortal.Tests.Chat;

/// <summary>
/// The Chat, Knowledge and Logs tabs rendered per level with the app's real authorization. What a
/// non-admin's page renders is what their circuit sends, so "not in the markup" means "never sent".
/// </summary>
public sealed class AssistantTabsTests : KeysAndLinksComponentTestBase
{
    private const string Handbook = "To reset your password, open the account page and choose Forgot password.";

    private async Task<(Assistant Assistant, ApplicationUser Owner)> AssistantWithExchangeAsync()
    {
        var owner = await Seed.UserAsync("olga");
        var assistant = await Seed.AssistantAsync(owner);
        await using var db = Database.CreateDbContext();
        var document = new KnowledgeDocument { AssistantId = assistant.Id, FileName = "handbook.md", ContentType = DocumentText.Markdown, Text = Handbook, UploadedByName = "olga" };
        document.Passages.Add(new KnowledgePassage { AssistantId = assistant.Id, Ordinal = 0, Text = Handbook });
        db.KnowledgeDocuments.Add(document);
        db.ChatExchanges.Add(new ChatExchange
        {
            AssistantId = assistant.Id, Origin = ChatOrigin.User, UserId = owner.Id, WhoName = "olga", AskedAt = Start.UtcDateTime,
            Question = "How do I reset my password?", Answer = "Choose Forgot password.",
            SupportingContent = "SECRET-SUPPORTING-PASSAGE", ThoughtProcess = "SECRET-THOUGHT-PROCESS",
        });
        await db.SaveChangesAsync();
        return (assistant, owner);
    }

    private async Task<IRenderedComponent<T>> RenderAsync<T>(Assistant assistant, ApplicationUser viewer) where T : Microsoft.AspNetCore.Components.IComponent
    {
        SignInWithRealAuthorization(viewer);
        Services.AddKnowledgeAndChat(new ConfigurationBuilder().Build());
        var access = await ResolveAsync(viewer, assistant);
        return Render<T>(builder =>
        {
            builder.OpenComponent<T>(0);
            builder.AddAttribute(1, "AssistantId", assistant.Id);
            builder.AddAttribute(2, "Access", access);
            builder.CloseComponent();
        });
    }

    [Theory]
    [InlineData(AccessLevel.ReadOnly)]
    [InlineData(AccessLevel.ReadWrite)]
    [InlineData(AccessLevel.Owner)]
    public async Task Logs_for_non_admins_show_the_exchange_but_never_the_supporting_content(AccessLevel level)
    {
        var (assistant, owner) = await AssistantWithExchangeAsync();
        var viewer = owner;
        if (level != AccessLevel.Owner)
        {
            viewer = await Seed.UserAsync("vera");
            await Seed.GrantAsync(assistant, viewer, level);
        }

        var cut = await RenderAsync<LogsTab>(assistant, viewer);

        cut.WaitForAssertion(() => Assert.Contains("How do I reset my password?", cut.Markup));
        Assert.DoesNotContain("SECRET-SUPPORTING-PASSAGE", cut.Markup);
        Assert.DoesNotContain("SECRET-THOUGHT-PROCESS", cut.Markup);
        Assert.Empty(cut.FindAll("[data-testid=log-supporting]"));
    }

    [Fact]
    public async Task Logs_for_a_global_admin_offer_the_supporting_content()
    {
        var (assistant, _) = await AssistantWithExchangeAsync();
        var admin = await Seed.UserAsync("gaby", GlobalRole.GlobalAdmin);

        var cut = await RenderAsync<LogsTab>(assistant, admin);

        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=log-supporting]")));
    }

    [Fact]
    public async Task Knowledge_is_read_only_for_read_only()
    {
        var (assistant, _) = await AssistantWithExchangeAsync();
        var reader = await Seed.UserAsync("rita");
        await Seed.GrantAsync(assistant, reader, AccessLevel.ReadOnly);

        var cut = await RenderAsync<KnowledgeTab>(assistant, reader);

        cut.WaitForAssertion(() => Assert.Equal("handbook.md", cut.Find("[data-testid=knowledge-file]").TextContent));
        Assert.Empty(cut.FindAll("[data-testid=knowledge-upload]"));
        Assert.Empty(cut.FindAll("button[aria-label^='Delete']"));
        Assert.Contains("changing it needs Read and write access", cut.Markup);
    }

    [Fact]
    public async Task Knowledge_offers_upload_reindex_and_delete_to_read_and_write()
    {
        var (assistant, _) = await AssistantWithExchangeAsync();
        var editor = await Seed.UserAsync("ed");
        await Seed.GrantAsync(assistant, editor, AccessLevel.ReadWrite);

        var cut = await RenderAsync<KnowledgeTab>(assistant, editor);

        cut.WaitForAssertion(() =>
        {
            // The upload control and the document list arrive with separate renders.
            Assert.Single(cut.FindAll("[data-testid=knowledge-upload]"));
            Assert.Single(cut.FindAll("button[aria-label='Re-index handbook.md']"));
            Assert.Single(cut.FindAll("button[aria-label='Delete handbook.md']"));
        });
    }

    [Fact]
    public async Task Chat_streams_an_answer_from_the_knowledge_base_and_lists_the_new_conversation()
    {
        var (assistant, _) = await AssistantWithExchangeAsync();
        var user = await Seed.UserAsync("uma");
        await Seed.GrantAsync(assistant, user, AccessLevel.UseOnly);
        var cut = await RenderAsync<ChatTab>(assistant, user);

        cut.InputWhenReady(() => cut.Find("textarea"), "how to reset password");
        cut.ClickWhenReady(() => cut.Find("[data-testid=chat-send]"));

        cut.WaitForAssertion(() => Assert.Contains("choose Forgot password", cut.Find("[data-testid=chat-answer]").TextContent));
        cut.WaitForAssertion(() => Assert.Single(cut.FindAll("[data-testid=chat-conversation]")));
        Assert.Empty(cut.FindAll("[data-testid=chat-supporting]"));
        Assert.DoesNotContain("Search terms", cut.Markup);
    }
}
