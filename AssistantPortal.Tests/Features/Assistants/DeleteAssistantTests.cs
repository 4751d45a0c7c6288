using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Assistants;
using AssistantPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AssistantPortal.Tests.Features.Assistants.AssistantTestServices;

namespace AssistantPortal.Tests.Features.Assistants;

public sealed class DeleteAssistantTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private readonly Seed _seed;
    private readonly ServiceProvider _services;
    private ApplicationUser _owner = null!;
    private Assistant _assistant = null!;

    public DeleteAssistantTests()
    {
        _seed = new Seed(_database);
        _services = Build(_database);
    }

    public async Task InitializeAsync()
    {
        _owner = await _seed.UserAsync("olivia");
        _assistant = await _seed.AssistantAsync(_owner, "Helpdesk bot");
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private Task DeleteAsync(ApplicationUser user) =>
        _services.GetRequiredService<DeleteAssistant>().ExecuteAsync(Principal(user), _assistant.Id);

    [Fact]
    public async Task Delete_AsOwner_RemovesItWithItsGrantsAndAuditsIt()
    {
        var reader = await _seed.UserAsync("rita");
        await _seed.GrantAsync(_assistant, reader, AccessLevel.ReadOnly);
        var changed = new List<int?>();
        _services.GetRequiredService<IAccessChangeEvents>().Changed += changed.Add;

        await DeleteAsync(_owner);

        await using var db = _database.CreateDbContext();
        Assert.False(await db.Assistants.AnyAsync());
        Assert.False(await db.AssistantUserGrants.AnyAsync());
        var audit = await db.AuditEntries.SingleAsync();
        Assert.Equal(AuditAction.AssistantDeleted, audit.Action);
        Assert.Equal("olivia", audit.ActorName);
        Assert.Equal("Helpdesk bot", audit.AssistantName);
        Assert.Equal([_assistant.Id], changed);
    }

    [Fact]
    public async Task Delete_AsOwner_TakesItsKnowledgeAndChatLogsWithIt()
    {
        var now = DateTime.UtcNow;
        await using (var db = _database.CreateDbContext())
        {
            var document = new KnowledgeDocument
            {
                AssistantId = _assistant.Id, FileName = "faq.md", ContentType = "text/markdown", Text = "Reset your password here.",
                UploadedByName = "olivia", UploadedAt = now, IndexedAt = now,
            };
            document.Passages.Add(new KnowledgePassage { AssistantId = _assistant.Id, Ordinal = 0, Text = "Reset your password here." });
            db.KnowledgeDocuments.Add(document);
            var conversation = new Conversation { AssistantId = _assistant.Id, UserId = _owner.Id, Title = "Hi", CreatedAt = now, UpdatedAt = now };
            conversation.Exchanges.Add(new ChatExchange
            {
                AssistantId = _assistant.Id, UserId = _owner.Id, WhoName = "olivia", AskedAt = now, Question = "Hi?", Answer = "Hello.",
            });
            db.Conversations.Add(conversation);
            await db.SaveChangesAsync();
        }

        await DeleteAsync(_owner);

        await using var check = _database.CreateDbContext();
        Assert.False(await check.Assistants.AnyAsync());
        Assert.False(await check.KnowledgeDocuments.AnyAsync());
        Assert.False(await check.KnowledgePassages.AnyAsync());
        Assert.False(await check.Conversations.AnyAsync());
        Assert.False(await check.ChatExchanges.AnyAsync());
    }

    [Fact]
    public async Task Delete_AsProjectAdmin_IsAllowedAtOwnerLevel()
    {
        var admin = await _seed.UserAsync("adam");
        var organization = await _seed.OrganizationAsync("Acme");
        var project = await _seed.ProjectAsync(organization, "Helpdesk");
        await _seed.AddToProjectAsync(project, admin, ProjectRole.Admin);
        await using (var db = _database.CreateDbContext())
        {
            await db.Assistants.Where(a => a.Id == _assistant.Id).ExecuteUpdateAsync(s => s.SetProperty(a => a.ProjectId, project.Id));
        }

        await DeleteAsync(admin);

        await using var check = _database.CreateDbContext();
        Assert.False(await check.Assistants.AnyAsync());
    }

    [Fact]
    public async Task Delete_AsReadWrite_IsNotFoundAndKeepsTheAssistant()
    {
        var editor = await _seed.UserAsync("eddie");
        await _seed.GrantAsync(_assistant, editor, AccessLevel.ReadWrite);

        await Assert.ThrowsAsync<AssistantNotFoundException>(() => DeleteAsync(editor));

        await using var db = _database.CreateDbContext();
        Assert.True(await db.Assistants.AnyAsync());
        Assert.False(await db.AuditEntries.AnyAsync());
    }
}
