using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Assistants;
using AssistantPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AssistantPortal.Tests.Features.Assistants.AssistantTestServices;

namespace AssistantPortal.Tests.Features.Assistants;

public sealed class CreateAssistantTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private readonly Seed _seed;
    private readonly ServiceProvider _services;
    private ApplicationUser _ana = null!;

    public CreateAssistantTests()
    {
        _seed = new Seed(_database);
        _services = Build(_database);
    }

    public async Task InitializeAsync() => _ana = await _seed.UserAsync("ana");

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private Task<CommandResult<int>> CreateAsync(ApplicationUser user, string name, string description = "", int? projectId = null) =>
        _services.GetRequiredService<CreateAssistant>().ExecuteAsync(
            Principal(user), new CreateAssistant.Input { Name = name, Description = description, ProjectId = projectId });

    private async Task AssertNothingSavedAsync()
    {
        await using var db = _database.CreateDbContext();
        Assert.Equal(0, await db.Assistants.CountAsync());
        Assert.Equal(0, await db.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task Create_WithValidInput_SavesAnAssistantOwnedByTheCreatorAndAuditsIt()
    {
        var changed = new List<int?>();
        _services.GetRequiredService<IAccessChangeEvents>().Changed += changed.Add;

        var result = await CreateAsync(_ana, "  Helpdesk bot  ", "Answers tickets");

        Assert.True(result.Succeeded);
        await using var db = _database.CreateDbContext();
        var assistant = await db.Assistants.SingleAsync();
        Assert.Equal(result.Value, assistant.Id);
        Assert.Equal("Helpdesk bot", assistant.Name);
        Assert.Equal("Answers tickets", assistant.Description);
        Assert.Equal(_ana.Id, assistant.OwnerId);
        Assert.Null(assistant.ProjectId);
        var audit = await db.AuditEntries.SingleAsync();
        Assert.Equal(AuditAction.AssistantCreated, audit.Action);
        Assert.Equal(_ana.Id, audit.ActorUserId);
        Assert.Equal("ana", audit.ActorName);
        Assert.Equal(assistant.Id, audit.AssistantId);
        Assert.Equal("Helpdesk bot", audit.AssistantName);
        Assert.Equal([assistant.Id], changed);
    }

    [Fact]
    public async Task Create_WithEmptyName_SaysEnterANameAndSavesNothing()
    {
        var result = await CreateAsync(_ana, "");

        Assert.False(result.Succeeded);
        Assert.Equal(["Enter a name."], result.Errors[nameof(CreateAssistant.Input.Name)]);
        await AssertNothingSavedAsync();
    }

    [Fact]
    public async Task Create_WithWhitespaceOnlyName_SaysEnterANameAndSavesNothing()
    {
        var result = await CreateAsync(_ana, "   \t ");

        Assert.Equal(["Enter a name."], result.Errors[nameof(CreateAssistant.Input.Name)]);
        await AssertNothingSavedAsync();
    }

    [Fact]
    public async Task Create_WithOverLongName_SaysTheLimitAndSavesNothing()
    {
        var result = await CreateAsync(_ana, new string('a', 101));

        Assert.Equal(["The name can be at most 100 characters long."], result.Errors[nameof(CreateAssistant.Input.Name)]);
        await AssertNothingSavedAsync();
    }

    [Fact]
    public async Task Create_WithNameOfExactlyTheLimit_Succeeds()
    {
        var result = await CreateAsync(_ana, new string('a', 100));

        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task Create_WithOverLongDescription_SaysTheLimitAndSavesNothing()
    {
        var result = await CreateAsync(_ana, "Bot", new string('d', 1001));

        Assert.Equal(["The description can be at most 1000 characters long."], result.Errors[nameof(CreateAssistant.Input.Description)]);
        await AssertNothingSavedAsync();
    }

    [Fact]
    public async Task Create_InAProjectTheCreatorIsNotIn_IsRefusedAndSavesNothing()
    {
        var organization = await _seed.OrganizationAsync("Acme", (_ana, OrganizationRole.Member));
        var project = await _seed.ProjectAsync(organization, "Secret project");

        var result = await CreateAsync(_ana, "Bot", projectId: project.Id);

        Assert.Equal([CreateAssistant.ProjectNotUsable], result.Errors[nameof(CreateAssistant.Input.ProjectId)]);
        await AssertNothingSavedAsync();
    }

    [Fact]
    public async Task Create_InAProjectThatDoesNotExist_IsRefusedWithTheSameMessage()
    {
        var result = await CreateAsync(_ana, "Bot", projectId: 4242);

        Assert.Equal([CreateAssistant.ProjectNotUsable], result.Errors[nameof(CreateAssistant.Input.ProjectId)]);
        await AssertNothingSavedAsync();
    }

    [Fact]
    public async Task Create_WithEmptyNameAndAnUnusableProject_ReportsBothFields()
    {
        var result = await CreateAsync(_ana, "", projectId: 4242);

        Assert.Contains(nameof(CreateAssistant.Input.Name), result.Errors.Keys);
        Assert.Contains(nameof(CreateAssistant.Input.ProjectId), result.Errors.Keys);
        await AssertNothingSavedAsync();
    }

    [Fact]
    public async Task Create_InAProjectTheCreatorReachesThroughATeam_SavesItInThatProject()
    {
        var organization = await _seed.OrganizationAsync("Acme", (_ana, OrganizationRole.Member));
        var team = await _seed.TeamAsync(organization, "Support", (_ana, TeamRole.Viewer));
        var project = await _seed.ProjectAsync(organization, "Helpdesk");
        await _seed.AddToProjectAsync(project, team, ProjectRole.Member);

        var result = await CreateAsync(_ana, "Bot", projectId: project.Id);

        Assert.True(result.Succeeded);
        await using var db = _database.CreateDbContext();
        Assert.Equal(project.Id, (await db.Assistants.SingleAsync()).ProjectId);
        Assert.Contains("Helpdesk", (await db.AuditEntries.SingleAsync()).Details);
    }
}
