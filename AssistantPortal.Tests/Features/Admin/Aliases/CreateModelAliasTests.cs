using System.Text;
using AssistantPortal.Data;
using AssistantPortal.Features.Admin.Aliases;
using AssistantPortal.Features.Chat;
using AssistantPortal.Features.Organizations;
using AssistantPortal.Tests.Infrastructure;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using static AssistantPortal.Tests.Features.Admin.Aliases.AliasTestServices;
using static AssistantPortal.Tests.Features.Assistants.AssistantTestServices;

namespace AssistantPortal.Tests.Features.Admin.Aliases;

public sealed class CreateModelAliasTests : IAsyncLifetime
{
    private const string SecretKey = "sk-live-7f3c1e9a-SECRET-do-not-store";

    private readonly TestDatabase _database = new();
    private readonly Seed _seed;
    private readonly ServiceProvider _services;
    private ApplicationUser _admin = null!;

    public CreateModelAliasTests()
    {
        _seed = new Seed(_database);
        _services = new ServiceCollection().AddAliasFeature(_database).BuildServiceProvider();
    }

    public async Task InitializeAsync() => _admin = await _seed.UserAsync("adam", GlobalRole.ApplicationAdmin);

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private Task<CommandResult> CreateAsync(ApplicationUser user, ModelAliasInput input) =>
        _services.GetRequiredService<CreateModelAlias>().ExecuteAsync(Principal(user), input);

    private async Task AssertNothingWrittenAsync(int aliases = 0)
    {
        await using var db = _database.CreateDbContext();
        Assert.Equal(aliases, await db.ChatModelAliases.CountAsync());
        Assert.Equal(0, await db.AuditEntries.CountAsync());
    }

    [Theory]
    [InlineData(GlobalRole.ApplicationAdmin)]
    [InlineData(GlobalRole.GlobalAdmin)]
    public async Task Create_AsAdmin_StoresTheAliasAndAuditsIt(GlobalRole role)
    {
        var admin = await _seed.UserAsync("alice", role);

        var result = await CreateAsync(admin, Input(" GPT ", " https://api.example.test/v1 ", " gpt-4o-mini ", SecretKey));

        Assert.True(result.Succeeded);
        await using var db = _database.CreateDbContext();
        var alias = await db.ChatModelAliases.SingleAsync();
        Assert.Equal(("gpt", "https://api.example.test/v1", "gpt-4o-mini", 1), (alias.Name, alias.Endpoint, alias.Model, alias.Version));
        Assert.Equal(SecretKey, _services.GetRequiredService<ModelAliasKeys>().TryUnprotect(alias.ProtectedApiKey!));
        var entry = await db.AuditEntries.SingleAsync();
        Assert.Equal((AuditAction.ModelAliasCreated, admin.Id, "gpt"), (entry.Action, entry.ActorUserId, entry.Target));
        Assert.Contains("API key set", entry.Details);
    }

    [Fact]
    public async Task Create_StoresNoPlaintextKeyAnywhereInTheDatabase()
    {
        await CreateAsync(_admin, Input(apiKey: SecretKey));

        await using (var db = _database.CreateDbContext())
        {
            var alias = await db.ChatModelAliases.AsNoTracking().SingleAsync();
            foreach (var value in new[] { alias.Name, alias.Endpoint, alias.Model, alias.ProtectedApiKey! })
            {
                Assert.DoesNotContain(SecretKey, value);
                Assert.DoesNotContain("SECRET", value);
            }
            Assert.DoesNotContain(await db.AuditEntries.Select(e => e.Details).ToListAsync(), d => d.Contains("SECRET"));
        }
        if (TestPostgres.IsSelected)
        {
            return; // The server's files are not ours to read; the rows above are what the app stored.
        }
        // And not in the file either: not in a free page, a journal or an index.
        using (var connection = new SqliteConnection(_database.ConnectionString))
        {
            SqliteConnection.ClearPool(connection);
        }
        var file = new SqliteConnectionStringBuilder(_database.ConnectionString).DataSource;
        var bytes = await File.ReadAllBytesAsync(file);
        Assert.DoesNotContain("SECRET", Encoding.UTF8.GetString(bytes));
    }

    [Fact]
    public async Task Create_WithoutKey_StoresNone()
    {
        var result = await CreateAsync(_admin, Input(endpoint: "http://localhost:11434/v1", model: "llama3.1"));

        Assert.True(result.Succeeded);
        await using var db = _database.CreateDbContext();
        Assert.Null((await db.ChatModelAliases.SingleAsync()).ProtectedApiKey);
    }

    [Fact]
    public async Task Create_AsUser_IsNotFoundAndStoresNothing()
    {
        var user = await _seed.UserAsync("uma");

        var result = await CreateAsync(user, Input(apiKey: SecretKey));

        Assert.Equal(CommandStatus.NotFound, result.Status);
        await AssertNothingWrittenAsync();
    }

    [Theory]
    [InlineData("", "https://api.example.test/v1", "gpt-4o-mini", "Name", "Enter a name.")]
    [InlineData("   ", "https://api.example.test/v1", "gpt-4o-mini", "Name", "Enter a name.")]
    [InlineData("nnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnnn", "https://api.example.test/v1", "gpt-4o-mini", "Name", "The name can be at most 50 characters long.")]
    [InlineData("gpt 4", "https://api.example.test/v1", "gpt-4o-mini", "Name", ModelAliasRules.NameCharacters)]
    [InlineData("-gpt", "https://api.example.test/v1", "gpt-4o-mini", "Name", ModelAliasRules.NameCharacters)]
    [InlineData("default", "https://api.example.test/v1", "gpt-4o-mini", "Name", "\"default\" is a built-in alias; choose another name.")]
    [InlineData("Offline", "https://api.example.test/v1", "gpt-4o-mini", "Name", "\"offline\" is a built-in alias; choose another name.")]
    [InlineData("gpt", "", "gpt-4o-mini", "Endpoint", "Enter the endpoint address.")]
    [InlineData("gpt", "api.openai.com/v1", "gpt-4o-mini", "Endpoint", ModelAliasRules.MalformedEndpoint)]
    [InlineData("gpt", "ftp://files.example.test/v1", "gpt-4o-mini", "Endpoint", ModelAliasRules.MalformedEndpoint)]
    [InlineData("gpt", "not a url", "gpt-4o-mini", "Endpoint", ModelAliasRules.MalformedEndpoint)]
    [InlineData("gpt", "https://", "gpt-4o-mini", "Endpoint", ModelAliasRules.MalformedEndpoint)]
    [InlineData("gpt", "https://api.example.test/v1", "", "Model", "Enter the model name.")]
    [InlineData("gpt", "https://api.example.test/v1", "  ", "Model", "Enter the model name.")]
    public async Task Create_WithBadInput_SaysWhyNextToTheFieldAndStoresNothing(string name, string endpoint, string model, string field, string message)
    {
        var result = await CreateAsync(_admin, Input(name, endpoint, model, SecretKey));

        Assert.Equal(CommandStatus.Invalid, result.Status);
        Assert.Equal(message, result.ErrorFor(field));
        await AssertNothingWrittenAsync();
    }

    [Fact]
    public async Task Create_WithOverLongModel_SaysTheLimitAndStoresNothing()
    {
        var result = await CreateAsync(_admin, Input(model: new string('m', 201)));

        Assert.Equal("The model name can be at most 200 characters long.", result.ErrorFor(nameof(ModelAliasInput.Model)));
        await AssertNothingWrittenAsync();
    }

    [Theory]
    [InlineData("gpt")]
    [InlineData("GPT")]
    public async Task Create_WithTheNameOfAnExistingAlias_SaysItExistsAndStoresNothing(string name)
    {
        await StoreAsync(_database, "gpt");

        var result = await CreateAsync(_admin, Input(name));

        Assert.Equal("An alias named \"gpt\" already exists.", result.ErrorFor(nameof(ModelAliasInput.Name)));
        await AssertNothingWrittenAsync(aliases: 1);
    }
}
