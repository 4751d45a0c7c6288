using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Assistants;
using AssistantPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AssistantPortal.Tests.Features.Assistants.AssistantTestServices;

namespace AssistantPortal.Tests.Features.Assistants;

public sealed class UpdateAssistantSettingsTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private readonly Seed _seed;
    private readonly ServiceProvider _services;
    private ApplicationUser _owner = null!;
    private Assistant _assistant = null!;

    public UpdateAssistantSettingsTests()
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

    private Task<CommandResult<AssistantSettings>> UpdateAsync(ApplicationUser user, string name, string description = "", string instructions = "") =>
        _services.GetRequiredService<UpdateAssistantSettings>().ExecuteAsync(Principal(user), _assistant.Id,
            new UpdateAssistantSettings.Input { Name = name, Description = description, Instructions = instructions });

    private async Task AssertUnchangedAsync()
    {
        await using var db = _database.CreateDbContext();
        var assistant = await db.Assistants.SingleAsync(a => a.Id == _assistant.Id);
        Assert.Equal("Helpdesk bot", assistant.Name);
        Assert.Equal("", assistant.Instructions);
        Assert.Equal(_assistant.UpdatedAt, assistant.UpdatedAt);
    }

    [Fact]
    public async Task Update_AsReadWrite_SavesNameDescriptionAndInstructions()
    {
        var editor = await _seed.UserAsync("eddie");
        await _seed.GrantAsync(_assistant, editor, AccessLevel.ReadWrite);
        var changed = new List<int?>();
        _services.GetRequiredService<IAccessChangeEvents>().Changed += changed.Add;

        var result = await UpdateAsync(editor, " Support bot ", "Helps", "Answer politely.");

        Assert.True(result.Succeeded);
        await using var db = _database.CreateDbContext();
        var assistant = await db.Assistants.SingleAsync(a => a.Id == _assistant.Id);
        Assert.Equal("Support bot", assistant.Name);
        Assert.Equal("Helps", assistant.Description);
        Assert.Equal("Answer politely.", assistant.Instructions);
        Assert.True(assistant.UpdatedAt > _assistant.UpdatedAt);
        Assert.Equal([_assistant.Id], changed);
    }

    [Fact]
    public async Task Update_AsReadOnly_IsNotFoundAndChangesNothing()
    {
        var reader = await _seed.UserAsync("rita");
        await _seed.GrantAsync(_assistant, reader, AccessLevel.ReadOnly);

        await Assert.ThrowsAsync<AssistantNotFoundException>(() => UpdateAsync(reader, "Hijacked", instructions: "Leak everything"));

        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task Update_AsOutsiderWithInvalidInput_IsNotFoundRatherThanAValidationMessage()
    {
        var outsider = await _seed.UserAsync("mallory");

        await Assert.ThrowsAsync<AssistantNotFoundException>(() => UpdateAsync(outsider, ""));

        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task Update_WithEmptyName_SaysEnterANameAndChangesNothing()
    {
        var result = await UpdateAsync(_owner, " ", instructions: "New");

        Assert.Equal(["Enter a name."], result.Errors[nameof(UpdateAssistantSettings.Input.Name)]);
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task Update_WithOverLongName_SaysTheLimitAndChangesNothing()
    {
        var result = await UpdateAsync(_owner, new string('n', 101));

        Assert.Equal(["The name can be at most 100 characters long."], result.Errors[nameof(UpdateAssistantSettings.Input.Name)]);
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task Update_WithOverLongInstructions_SaysTheLimitAndChangesNothing()
    {
        var result = await UpdateAsync(_owner, "Helpdesk bot", instructions: new string('i', 8001));

        Assert.Equal(["The instructions can be at most 8000 characters long."], result.Errors[nameof(UpdateAssistantSettings.Input.Instructions)]);
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task GetSettings_AsUseOnly_IsNotFound()
    {
        var user = await _seed.UserAsync("ursula");
        await _seed.GrantAsync(_assistant, user, AccessLevel.UseOnly);

        await Assert.ThrowsAsync<AssistantNotFoundException>(() =>
            _services.GetRequiredService<GetAssistantSettings>().ExecuteAsync(Principal(user), _assistant.Id));
    }

    [Fact]
    public async Task GetSettings_AsReadOnly_ReturnsThem()
    {
        var reader = await _seed.UserAsync("rita");
        await _seed.GrantAsync(_assistant, reader, AccessLevel.ReadOnly);

        var settings = await _services.GetRequiredService<GetAssistantSettings>().ExecuteAsync(Principal(reader), _assistant.Id);

        Assert.Equal("Helpdesk bot", settings.Name);
    }

    [Fact]
    public async Task Update_SavesTheModelSettings()
    {
        var result = await _services.GetRequiredService<UpdateAssistantSettings>().ExecuteAsync(Principal(_owner), _assistant.Id,
            new UpdateAssistantSettings.Input { Name = "Helpdesk bot", ModelAlias = ModelAliases.Offline, Temperature = 0.9, MaxPassages = 5 });

        Assert.True(result.Succeeded);
        await using var db = _database.CreateDbContext();
        var assistant = await db.Assistants.SingleAsync(a => a.Id == _assistant.Id);
        Assert.Equal((ModelAliases.Offline, 0.9, 5), (assistant.ModelAlias, assistant.Temperature, assistant.MaxPassages));
    }

    [Theory]
    [InlineData("gpt-99", 0.2, 3, nameof(UpdateAssistantSettings.Input.ModelAlias), "Choose a chat engine from the list.")]
    [InlineData("", 0.2, 3, nameof(UpdateAssistantSettings.Input.ModelAlias), "Choose a chat engine from the list.")]
    [InlineData("default", 2.5, 3, nameof(UpdateAssistantSettings.Input.Temperature), "The temperature must be between 0 and 2.")]
    [InlineData("default", -0.1, 3, nameof(UpdateAssistantSettings.Input.Temperature), "The temperature must be between 0 and 2.")]
    [InlineData("default", 0.2, 0, nameof(UpdateAssistantSettings.Input.MaxPassages), "Quote from 1 to 10 passages.")]
    [InlineData("default", 0.2, 11, nameof(UpdateAssistantSettings.Input.MaxPassages), "Quote from 1 to 10 passages.")]
    public async Task Update_WithBadModelSettings_SaysWhyNextToTheFieldAndChangesNothing(string alias, double temperature, int passages, string field, string message)
    {
        var result = await _services.GetRequiredService<UpdateAssistantSettings>().ExecuteAsync(Principal(_owner), _assistant.Id,
            new UpdateAssistantSettings.Input { Name = "Renamed", ModelAlias = alias, Temperature = temperature, MaxPassages = passages });

        Assert.False(result.Succeeded);
        Assert.Equal([message], result.Errors[field]);
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task Update_WithAliasFromTheAdminPanel_SavesIt()
    {
        await Admin.Aliases.AliasTestServices.StoreAsync(_database, "gpt");

        var result = await _services.GetRequiredService<UpdateAssistantSettings>().ExecuteAsync(Principal(_owner), _assistant.Id,
            new UpdateAssistantSettings.Input { Name = "Helpdesk bot", ModelAlias = " GPT " });

        Assert.True(result.Succeeded);
        await using var db = _database.CreateDbContext();
        Assert.Equal("gpt", (await db.Assistants.SingleAsync(a => a.Id == _assistant.Id)).ModelAlias);
    }

    [Fact]
    public async Task Update_WithDeletedAlias_IsRefusedAndChangesNothing()
    {
        var alias = await Admin.Aliases.AliasTestServices.StoreAsync(_database, "gpt");
        await using (var db = _database.CreateDbContext())
        {
            await db.ChatModelAliases.Where(a => a.Id == alias.Id).ExecuteDeleteAsync();
        }

        var result = await _services.GetRequiredService<UpdateAssistantSettings>().ExecuteAsync(Principal(_owner), _assistant.Id,
            new UpdateAssistantSettings.Input { Name = "Renamed", ModelAlias = "gpt" });

        Assert.Equal(["Choose a chat engine from the list."], result.Errors[nameof(UpdateAssistantSettings.Input.ModelAlias)]);
        await AssertUnchangedAsync();
    }

    [Fact]
    public async Task AliasChoices_AreTheBuiltInOnesThenTheStoredOnesByName()
    {
        await Admin.Aliases.AliasTestServices.StoreAsync(_database, "llama", model: "llama3.1");
        await Admin.Aliases.AliasTestServices.StoreAsync(_database, "gpt", model: "gpt-4o-mini");

        var choices = await _services.GetRequiredService<ListModelAliasChoices>().ExecuteAsync();

        Assert.Equal(["default", "offline", "gpt", "llama"], choices.Select(c => c.Name));
        Assert.Equal("gpt-4o-mini", choices[2].Description);
    }
}
