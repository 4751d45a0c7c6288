using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantPortal.Tests.Access;

/// <summary>
/// <see cref="AssistantAuthorizer"/> with the app's real authorization services: allowed operations return
/// the access, and every denial — missing assistant or forbidden one — is the same not-found.
/// </summary>
public sealed class AssistantAuthorizerTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private readonly Seed _seed;
    private readonly ServiceProvider _services;
    private readonly AssistantAuthorizer _authorizer;

    private ApplicationUser _owner = null!;
    private ApplicationUser _reader = null!;
    private ApplicationUser _stranger = null!;
    private ApplicationUser _admin = null!;
    private Assistant _assistant = null!;

    public AssistantAuthorizerTests()
    {
        _seed = new Seed(_database);
        _services = new ServiceCollection()
            .AddLogging()
            .AddSingleton<IDbContextFactory<ApplicationDbContext>>(_database)
            .AddAccess()
            .BuildServiceProvider();
        _authorizer = new AssistantAuthorizer(_services.GetRequiredService<IAccessResolver>(), _services.GetRequiredService<IAuthorizationService>());
    }

    public async Task InitializeAsync()
    {
        _owner = await _seed.UserAsync("owner");
        _reader = await _seed.UserAsync("reader");
        _stranger = await _seed.UserAsync("stranger");
        _admin = await _seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        _assistant = await _seed.AssistantAsync(_owner);
        await _seed.GrantAsync(_assistant, _reader, AccessLevel.ReadOnly);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Theory]
    [InlineData("reader", nameof(AssistantOperations.Use))]
    [InlineData("reader", nameof(AssistantOperations.View))]
    [InlineData("reader", nameof(AssistantOperations.ReadLogs))]
    [InlineData("owner", nameof(AssistantOperations.Delete))]
    [InlineData("owner", nameof(AssistantOperations.TransferOwnership))]
    [InlineData("admin", nameof(AssistantOperations.RunEvaluation))]
    [InlineData("admin", nameof(AssistantOperations.TransferOwnership))]
    public async Task AuthorizeOrThrow_Allowed_ReturnsTheResolvedAccess(string who, string operation)
    {
        await using var db = _database.CreateDbContext();

        var access = await _authorizer.AuthorizeOrThrowAsync(db, Principal(User(who)), _assistant.Id, Operation(operation));

        Assert.Equal(_assistant.Id, access.AssistantId);
        Assert.Equal(User(who).Id, access.ViewerId);
    }

    [Theory]
    [InlineData("reader", nameof(AssistantOperations.Edit))]
    [InlineData("reader", nameof(AssistantOperations.Share))]
    [InlineData("reader", nameof(AssistantOperations.Delete))]
    [InlineData("stranger", nameof(AssistantOperations.Use))]
    [InlineData("stranger", nameof(AssistantOperations.View))]
    [InlineData("owner", nameof(AssistantOperations.ViewSupportingContent))]
    [InlineData("owner", nameof(AssistantOperations.RunEvaluation))]
    public async Task AuthorizeOrThrow_Forbidden_IsNotFound(string who, string operation)
    {
        await using var db = _database.CreateDbContext();

        var error = await Assert.ThrowsAsync<AssistantNotFoundException>(() =>
            _authorizer.AuthorizeOrThrowAsync(db, Principal(User(who)), _assistant.Id, Operation(operation)));

        Assert.Equal(_assistant.Id, error.AssistantId);
        Assert.Equal("The assistant was not found.", error.Message);
    }

    public static TheoryData<string, string> MissingCases()
    {
        var data = new TheoryData<string, string>();
        foreach (var who in new[] { "owner", "admin" })
        {
            foreach (var operation in AssistantOperations.All)
            {
                data.Add(who, operation.Name);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(MissingCases))]
    public async Task AuthorizeOrThrow_MissingAssistant_IsNotFoundEvenForAGlobalAdmin(string who, string operation)
    {
        await using var db = _database.CreateDbContext();

        var error = await Assert.ThrowsAsync<AssistantNotFoundException>(() =>
            _authorizer.AuthorizeOrThrowAsync(db, Principal(User(who)), _assistant.Id + 1000, Operation(operation)));

        Assert.Equal(_assistant.Id + 1000, error.AssistantId);
    }

    [Fact]
    public async Task AuthorizeOrThrow_ForbiddenAndMissing_LookTheSame()
    {
        await using var db = _database.CreateDbContext();

        var forbidden = await Assert.ThrowsAsync<AssistantNotFoundException>(() =>
            _authorizer.AuthorizeOrThrowAsync(db, Principal(_stranger), _assistant.Id, AssistantOperations.Use));
        var missing = await Assert.ThrowsAsync<AssistantNotFoundException>(() =>
            _authorizer.AuthorizeOrThrowAsync(db, Principal(_stranger), _assistant.Id + 1000, AssistantOperations.Use));

        Assert.Equal(missing.GetType(), forbidden.GetType());
        Assert.Equal(missing.Message, forbidden.Message);
    }

    [Fact]
    public async Task AuthorizeOrThrow_AnonymousWithoutLink_IsNotFound()
    {
        await using var db = _database.CreateDbContext();

        await Assert.ThrowsAsync<AssistantNotFoundException>(() =>
            _authorizer.AuthorizeOrThrowAsync(db, new ClaimsPrincipal(new ClaimsIdentity()), _assistant.Id, AssistantOperations.Use));
    }

    [Fact]
    public async Task AuthorizeOrThrow_AnonymousWithViewLinkUnderEveryone_MayUseButNotView()
    {
        var token = LinkTokens.Create();
        await using (var arrange = _database.CreateDbContext())
        {
            await arrange.Assistants.Where(a => a.Id == _assistant.Id).ExecuteUpdateAsync(s =>
                s.SetProperty(a => a.ViewLinkToken, token).SetProperty(a => a.PublicAccess, PublicAccess.Everyone));
        }
        await using var db = _database.CreateDbContext();
        var anonymous = new ClaimsPrincipal(new ClaimsIdentity());

        var access = await _authorizer.AuthorizeOrThrowAsync(db, anonymous, new Viewer(null, token), _assistant.Id, AssistantOperations.Use);

        Assert.Equal(AccessLevel.UseOnly, access.Level);
        await Assert.ThrowsAsync<AssistantNotFoundException>(() =>
            _authorizer.AuthorizeOrThrowAsync(db, anonymous, new Viewer(null, token), _assistant.Id, AssistantOperations.View));
    }

    [Fact]
    public async Task AuthorizeOrThrow_AfterTheGrantIsRemoved_IsNotFoundOnTheNextCall()
    {
        await using var db = _database.CreateDbContext();
        await _authorizer.AuthorizeOrThrowAsync(db, Principal(_reader), _assistant.Id, AssistantOperations.View);

        await db.AssistantUserGrants.Where(g => g.UserId == _reader.Id).ExecuteDeleteAsync();

        await Assert.ThrowsAsync<AssistantNotFoundException>(() =>
            _authorizer.AuthorizeOrThrowAsync(db, Principal(_reader), _assistant.Id, AssistantOperations.View));
    }

    [Fact]
    public async Task AuthorizeOrThrow_AfterDemotionFromGlobalAdmin_IsNotFoundOnTheNextCall()
    {
        await using var db = _database.CreateDbContext();
        await _authorizer.AuthorizeOrThrowAsync(db, Principal(_admin), _assistant.Id, AssistantOperations.Edit);

        await db.Users.Where(u => u.Id == _admin.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.GlobalRole, GlobalRole.User));

        await Assert.ThrowsAsync<AssistantNotFoundException>(() =>
            _authorizer.AuthorizeOrThrowAsync(db, Principal(_admin), _assistant.Id, AssistantOperations.Edit));
    }

    private ApplicationUser User(string who) => who switch
    {
        "owner" => _owner,
        "reader" => _reader,
        "stranger" => _stranger,
        "admin" => _admin,
        _ => throw new ArgumentOutOfRangeException(nameof(who)),
    };

    private static ClaimsPrincipal Principal(ApplicationUser user) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, user.UserName!)], "Test"));

    private static Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement Operation(string name) =>
        AssistantOperations.All.Single(o => o.Name == name);
}
