using System.Text;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Chat;
using AssistantPortal.Features.Knowledge;
using AssistantPortal.Tests.Features;
using AssistantPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using static AssistantPortal.Tests.Features.KeysAndLinksServices;

namespace AssistantPortal.Tests.Chat;

/// <summary>
/// The knowledge base, retrieval, the chat use case and the logs on a real migrated SQLite file, with
/// the real resolver and authorization: uploads are indexed in FTS5, answers quote them, every exchange
/// is logged, and supporting content reaches Global Admins only.
/// </summary>
public sealed class KnowledgeAndChatTests : IAsyncLifetime
{
    private const string Handbook = """
        # Helpdesk handbook

        Welcome to the helpdesk. We are glad you are here.

        To reset your password, open the account page and choose Forgot password. The link expires after one hour.

        The office is closed on public holidays.
        """;

    private readonly TestDatabase _database = new();
    private readonly ServiceProvider _services;
    private readonly Seed _seed;

    public KnowledgeAndChatTests()
    {
        _seed = new Seed(_database);
        _services = new ServiceCollection()
            .AddKeysAndLinks(_database, new ManualClock(Start), new RecordingAccessChangeEvents())
            .AddKnowledgeAndChat(new ConfigurationBuilder().Build())
            .BuildServiceProvider();
    }

    private T Get<T>() where T : notnull => _services.CreateScope().ServiceProvider.GetRequiredService<T>();

    public Task InitializeAsync() => Task.CompletedTask;

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task An_upload_is_split_indexed_and_found_by_its_words()
    {
        var owner = await _seed.UserAsync("olga");
        var assistant = await _seed.AssistantAsync(owner);

        var (documentId, error) = await Get<KnowledgeBase>().AddAsync(Principal(owner), assistant.Id, "handbook.md", Encoding.UTF8.GetBytes(Handbook));

        Assert.Null(error);
        await using var db = _database.CreateDbContext();
        Assert.True(await db.KnowledgePassages.AnyAsync(p => p.DocumentId == documentId));
        var found = await Get<KnowledgeSearch>().SearchAsync(db, assistant.Id, "forgot my password", 3);
        Assert.Equal("handbook.md", Assert.Single(found).FileName);
        Assert.Contains("Forgot password", found[0].Text);
    }

    [Fact]
    public async Task Retrieval_never_crosses_to_another_assistant()
    {
        var owner = await _seed.UserAsync("olga");
        var first = await _seed.AssistantAsync(owner, "First");
        var second = await _seed.AssistantAsync(owner, "Second");
        await Get<KnowledgeBase>().AddAsync(Principal(owner), first.Id, "handbook.md", Encoding.UTF8.GetBytes(Handbook));

        await using var db = _database.CreateDbContext();
        Assert.Empty(await Get<KnowledgeSearch>().SearchAsync(db, second.Id, "password", 3));
    }

    [Fact]
    public async Task Question_syntax_is_searched_as_words_not_as_a_query()
    {
        var owner = await _seed.UserAsync("olga");
        var assistant = await _seed.AssistantAsync(owner);
        await Get<KnowledgeBase>().AddAsync(Principal(owner), assistant.Id, "handbook.md", Encoding.UTF8.GetBytes(Handbook));

        await using var db = _database.CreateDbContext();
        var found = await Get<KnowledgeSearch>().SearchAsync(db, assistant.Id, "\"password\" AND NEAR( OR * reset:", 3);

        Assert.Single(found);
    }

    [Fact]
    public async Task Deleting_a_document_removes_it_from_retrieval()
    {
        var owner = await _seed.UserAsync("olga");
        var assistant = await _seed.AssistantAsync(owner);
        var knowledge = Get<KnowledgeBase>();
        var (documentId, _) = await knowledge.AddAsync(Principal(owner), assistant.Id, "handbook.md", Encoding.UTF8.GetBytes(Handbook));

        await knowledge.DeleteAsync(Principal(owner), assistant.Id, documentId!.Value);

        await using var db = _database.CreateDbContext();
        Assert.Empty(await Get<KnowledgeSearch>().SearchAsync(db, assistant.Id, "password", 3));
        Assert.Empty(await db.KnowledgePassages.ToListAsync());
    }

    [Fact]
    public async Task Reindex_rebuilds_the_passages_of_a_document()
    {
        var owner = await _seed.UserAsync("olga");
        var assistant = await _seed.AssistantAsync(owner);
        var knowledge = Get<KnowledgeBase>();
        var (documentId, _) = await knowledge.AddAsync(Principal(owner), assistant.Id, "handbook.md", Encoding.UTF8.GetBytes(Handbook));
        await using (var db = _database.CreateDbContext())
        {
            await db.KnowledgePassages.Where(p => p.DocumentId == documentId).ExecuteDeleteAsync();
        }

        await knowledge.ReindexAsync(Principal(owner), assistant.Id, documentId!.Value);

        await using var check = _database.CreateDbContext();
        Assert.Single(await Get<KnowledgeSearch>().SearchAsync(check, assistant.Id, "password", 3));
    }

    [Theory]
    [InlineData(AccessLevel.UseOnly)]
    [InlineData(AccessLevel.ReadOnly)]
    public async Task Below_read_and_write_nobody_changes_the_knowledge_base(AccessLevel level)
    {
        var owner = await _seed.UserAsync("olga");
        var reader = await _seed.UserAsync("rita");
        var assistant = await _seed.AssistantAsync(owner);
        await _seed.GrantAsync(assistant, reader, level);

        await Assert.ThrowsAsync<AssistantNotFoundException>(() =>
            Get<KnowledgeBase>().AddAsync(Principal(reader), assistant.Id, "handbook.md", Encoding.UTF8.GetBytes(Handbook)));

        await using var db = _database.CreateDbContext();
        Assert.Empty(await db.KnowledgeDocuments.ToListAsync());
    }

    [Fact]
    public async Task A_bad_upload_gets_a_message_and_stores_nothing()
    {
        var owner = await _seed.UserAsync("olga");
        var assistant = await _seed.AssistantAsync(owner);

        var (documentId, error) = await Get<KnowledgeBase>().AddAsync(Principal(owner), assistant.Id, "tool.exe", [0x4D, 0x5A]);

        Assert.Null(documentId);
        Assert.Equal("Only plain text (.txt), Markdown (.md) and PDF (.pdf) files can be added.", error);
        await using var db = _database.CreateDbContext();
        Assert.Empty(await db.KnowledgeDocuments.ToListAsync());
    }

    [Fact]
    public async Task Asking_quotes_the_knowledge_base_and_logs_the_exchange_in_a_conversation()
    {
        var owner = await _seed.UserAsync("olga");
        var assistant = await _seed.AssistantAsync(owner);
        await Get<KnowledgeBase>().AddAsync(Principal(owner), assistant.Id, "handbook.md", Encoding.UTF8.GetBytes(Handbook));
        var pieces = new List<string>();

        var (exchange, citations) = await Get<AssistantChat>().AskAsync(assistant.Id, Asker.User(owner.Id, owner.UserName!), null,
            "How do I reset my password?", piece => { pieces.Add(piece); return Task.CompletedTask; });

        Assert.Equal(new Citation(1, "handbook.md", 1), Assert.Single(citations));
        Assert.Contains("choose Forgot password", exchange.Answer);
        Assert.Equal(exchange.Answer, string.Concat(pieces));
        await using var db = _database.CreateDbContext();
        var stored = await db.ChatExchanges.Include(e => e.Conversation).SingleAsync();
        Assert.Equal("How do I reset my password?", stored.Question);
        Assert.Equal(owner.Id, stored.Conversation!.UserId);
        Assert.Contains("handbook.md", stored.SupportingContent);
        Assert.Contains("Search terms", stored.ThoughtProcess);
    }

    [Fact]
    public async Task A_conversation_of_someone_else_cannot_be_continued()
    {
        var owner = await _seed.UserAsync("olga");
        var other = await _seed.UserAsync("oscar");
        var assistant = await _seed.AssistantAsync(owner);
        var chat = Get<AssistantChat>();
        var first = await chat.AskAsync(assistant.Id, Asker.User(owner.Id, "olga"), null, "hello");

        await Assert.ThrowsAsync<KeyNotFoundException>(() =>
            chat.AskAsync(assistant.Id, Asker.User(other.Id, "oscar"), first.Exchange.ConversationId, "and now?"));
        await Assert.ThrowsAsync<KeyNotFoundException>(() =>
            chat.AskAsync(assistant.Id, Asker.LinkVisitor(null, null), first.Exchange.ConversationId, "and now?"));
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task An_empty_question_is_refused_and_nothing_is_logged(string question)
    {
        var owner = await _seed.UserAsync("olga");
        var assistant = await _seed.AssistantAsync(owner);

        var error = await Assert.ThrowsAsync<ArgumentException>(() =>
            Get<AssistantChat>().AskAsync(assistant.Id, Asker.User(owner.Id, "olga"), null, question));

        Assert.StartsWith("Type a question first.", error.Message);
        await using var db = _database.CreateDbContext();
        Assert.Empty(await db.ChatExchanges.ToListAsync());
    }

    [Fact]
    public async Task A_huge_question_is_refused()
    {
        var owner = await _seed.UserAsync("olga");
        var assistant = await _seed.AssistantAsync(owner);

        await Assert.ThrowsAsync<ArgumentException>(() =>
            Get<AssistantChat>().AskAsync(assistant.Id, Asker.User(owner.Id, "olga"), null, new string('x', Data.Configurations.ChatLimits.Question + 1)));
    }

    [Fact]
    public async Task Supporting_content_reaches_global_admins_only()
    {
        var owner = await _seed.UserAsync("olga");
        var admin = await _seed.UserAsync("gaby", GlobalRole.GlobalAdmin);
        var assistant = await _seed.AssistantAsync(owner);
        await Get<KnowledgeBase>().AddAsync(Principal(owner), assistant.Id, "handbook.md", Encoding.UTF8.GetBytes(Handbook));
        await Get<AssistantChat>().AskAsync(assistant.Id, Asker.User(owner.Id, "olga"), null, "reset password");

        var ownerView = await Get<ChatLogs>().PageAsync(Principal(owner), assistant.Id, new ChatLogFilter(), 0, 50);
        var adminView = await Get<ChatLogs>().PageAsync(Principal(admin), assistant.Id, new ChatLogFilter(), 0, 50);

        var ownerRow = Assert.Single(ownerView.Rows);
        Assert.Null(ownerRow.SupportingContent);
        Assert.Null(ownerRow.ThoughtProcess);
        var adminRow = Assert.Single(adminView.Rows);
        Assert.Contains("handbook.md", adminRow.SupportingContent);
        Assert.Contains("Search terms", adminRow.ThoughtProcess);
    }

    [Fact]
    public async Task Logs_are_refused_below_read_only_and_filter_by_origin_and_text()
    {
        var owner = await _seed.UserAsync("olga");
        var user = await _seed.UserAsync("uma");
        var assistant = await _seed.AssistantAsync(owner);
        await _seed.GrantAsync(assistant, user, AccessLevel.UseOnly);
        var chat = Get<AssistantChat>();
        await chat.AskAsync(assistant.Id, Asker.User(owner.Id, "olga"), null, "first question");
        await chat.AskAsync(assistant.Id, Asker.LinkVisitor(null, null), null, "second question");

        await Assert.ThrowsAsync<AssistantNotFoundException>(() =>
            Get<ChatLogs>().PageAsync(Principal(user), assistant.Id, new ChatLogFilter(), 0, 50));
        var visitors = await Get<ChatLogs>().PageAsync(Principal(owner), assistant.Id, new ChatLogFilter(Origin: ChatOrigin.LinkVisitor), 0, 50);
        var text = await Get<ChatLogs>().PageAsync(Principal(owner), assistant.Id, new ChatLogFilter(Text: "first"), 0, 50);

        Assert.Equal("second question", Assert.Single(visitors.Rows).Question);
        Assert.Equal("Link visitor", visitors.Rows[0].WhoName);
        Assert.Equal("first question", Assert.Single(text.Rows).Question);
    }
}
