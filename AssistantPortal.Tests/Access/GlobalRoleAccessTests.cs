using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Audit;
using AssistantPortal.Features.Organizations;
using AssistantPortal.Tests.Infrastructure;
using Microsoft.AspNetCore.Authorization.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantPortal.Tests.Access;

/// <summary>
/// The rules of SPEC §3's role table that concern assistants, one case per role and rule, resolved by the
/// real resolver on a real database: what each global role gives on an assistant it neither owns nor
/// was given, on its own assistant, and through a team it created.
/// </summary>
public sealed class GlobalRoleAccessTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private readonly Seed _seed;
    private readonly AccessResolver _resolver;

    private ApplicationUser _owner = null!;
    private Organization _organization = null!;

    public GlobalRoleAccessTests()
    {
        _seed = new Seed(_database);
        _resolver = new AccessResolver(_database);
    }

    public async Task InitializeAsync()
    {
        _owner = await _seed.UserAsync("owner");
        _organization = await _seed.OrganizationAsync("Acme", (_owner, OrganizationRole.Admin));
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    /// <summary>Someone else's assistant, in a project of a team, in an organization the viewer is not in.</summary>
    private async Task<Assistant> SomeoneElsesAssistantAsync()
    {
        var team = await _seed.TeamAsync(_organization, "Support", (_owner, TeamRole.Owner));
        var project = await _seed.ProjectAsync(_organization, "Helpdesk", team);
        return await _seed.AssistantAsync(_owner, project: project);
    }

    [Theory]
    [InlineData(GlobalRole.GlobalAdmin, AccessLevel.Owner)]
    [InlineData(GlobalRole.ApplicationAdmin, AccessLevel.None)]
    [InlineData(GlobalRole.User, AccessLevel.None)]
    public async Task Resolve_SomeoneElsesAssistantByGlobalRoleAlone_OnlyAGlobalAdminHasOwnerLevel(GlobalRole role, AccessLevel expected)
    {
        var viewer = await _seed.UserAsync("viewer", role);
        var assistant = await SomeoneElsesAssistantAsync();

        var access = await _resolver.ResolveAsync(new Viewer(viewer.Id), assistant.Id);

        Assert.Equal(expected, access.Level);
        Assert.Equal(role, access.ViewerRole);
        Assert.False(access.IsOwner);
    }

    public static TheoryData<GlobalRole, string, bool> SomeoneElsesAssistantCells()
    {
        var data = new TheoryData<GlobalRole, string, bool>();
        foreach (var role in Enum.GetValues<GlobalRole>())
        {
            foreach (var operation in AssistantOperations.All)
            {
                // A Global Admin may do everything to every assistant, transfer, supporting content and
                // evaluation included; the other roles nothing to an assistant they have no source on.
                data.Add(role, operation.Name, role == GlobalRole.GlobalAdmin);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(SomeoneElsesAssistantCells))]
    public async Task Allows_SomeoneElsesAssistantByGlobalRoleAlone(GlobalRole role, string operation, bool expected)
    {
        var viewer = await _seed.UserAsync("viewer", role);
        var assistant = await SomeoneElsesAssistantAsync();

        var access = await _resolver.ResolveAsync(new Viewer(viewer.Id), assistant.Id);

        Assert.Equal(expected, AssistantPermissions.Allows(access, Operation(operation)));
    }

    /// <summary>"Supporting content and thought process of answers" and "evaluation regression testing": Global Admin only, even on one's own assistant.</summary>
    [Theory]
    [InlineData(GlobalRole.GlobalAdmin, nameof(AssistantOperations.ViewSupportingContent), true)]
    [InlineData(GlobalRole.ApplicationAdmin, nameof(AssistantOperations.ViewSupportingContent), false)]
    [InlineData(GlobalRole.User, nameof(AssistantOperations.ViewSupportingContent), false)]
    [InlineData(GlobalRole.GlobalAdmin, nameof(AssistantOperations.RunEvaluation), true)]
    [InlineData(GlobalRole.ApplicationAdmin, nameof(AssistantOperations.RunEvaluation), false)]
    [InlineData(GlobalRole.User, nameof(AssistantOperations.RunEvaluation), false)]
    public async Task Allows_GlobalAdminOnlyCapabilitiesOnOnesOwnAssistant(GlobalRole role, string operation, bool expected)
    {
        var viewer = await _seed.UserAsync("viewer", role);
        var assistant = await _seed.AssistantAsync(viewer);

        var access = await _resolver.ResolveAsync(new Viewer(viewer.Id), assistant.Id);

        Assert.Equal(AccessLevel.Owner, access.Level);
        Assert.Equal(expected, AssistantPermissions.Allows(access, Operation(operation)));
    }

    /// <summary>"Create projects and assistants, index data, chat": every role, and the creator owns what it creates.</summary>
    [Theory]
    [InlineData(GlobalRole.GlobalAdmin)]
    [InlineData(GlobalRole.ApplicationAdmin)]
    [InlineData(GlobalRole.User)]
    public async Task CreateAssistant_AnyRole_MayAndOwnsIt(GlobalRole role)
    {
        var creator = await _seed.UserAsync("creator", role);
        var assistant = await _seed.AssistantAsync(creator);

        var access = await _resolver.ResolveAsync(new Viewer(creator.Id), assistant.Id);

        Assert.True(GlobalRoles.CanCreateAssistants(role));
        Assert.True(access.IsOwner);
        Assert.True(AssistantPermissions.Allows(access, AssistantOperations.Use));
        Assert.True(AssistantPermissions.Allows(access, AssistantOperations.Edit));
        Assert.True(AssistantPermissions.Allows(access, AssistantOperations.TransferOwnership));
    }

    /// <summary>"Create teams": Global and Application Admins; an Application Admin becomes Team Owner, so Owner level within the team (row 6).</summary>
    [Theory]
    [InlineData(GlobalRole.GlobalAdmin, true)]
    [InlineData(GlobalRole.ApplicationAdmin, true)]
    [InlineData(GlobalRole.User, false)]
    public void CanCreateTeams_ByRole(GlobalRole role, bool expected)
    {
        Assert.Equal(expected, GlobalRoles.CanCreateTeams(role));
    }

    [Theory]
    [InlineData(GlobalRole.ApplicationAdmin, AccessLevel.Owner)]
    [InlineData(GlobalRole.GlobalAdmin, AccessLevel.Owner)]
    public async Task Resolve_AdminWhoCreatedTheTeam_IsOwnerLevelOnAssistantsWithinIt(GlobalRole role, AccessLevel expected)
    {
        var creator = await _seed.UserAsync("creator", role);
        // The real use case: an Application Admin becomes the Team Owner of the team it creates (SPEC §3),
        // and row 6 reads that membership; a Global Admin has Owner level by row 2 anyway.
        await using var services = new ServiceCollection()
            .AddSingleton<IDbContextFactory<ApplicationDbContext>>(_database)
            .AddSingleton<IAuditLog, AuditLog>()
            .AddSingleton<IAccessChangeEvents, AccessChangeEvents>()
            .AddSingleton(TimeProvider.System)
            .BuildServiceProvider();
        var created = await ActivatorUtilities.CreateInstance<CreateTeam>(services).ExecuteAsync(Principal(creator), _organization.Id, "Created");
        Assert.True(created.Succeeded);
        var team = new Team { Id = created.CreatedId!.Value };
        var project = await _seed.ProjectAsync(_organization, "Created desk", team);
        var assistant = await _seed.AssistantAsync(_owner, project: project);

        var access = await _resolver.ResolveAsync(new Viewer(creator.Id), assistant.Id);

        Assert.Equal(expected, access.Level);
        var kind = role == GlobalRole.ApplicationAdmin ? AccessSourceKind.TeamOwner : AccessSourceKind.GlobalAdmin;
        Assert.Equal(kind, Assert.Single(access.Sources).Kind);
        Assert.True(AssistantPermissions.Allows(access, AssistantOperations.Delete));
        Assert.Equal(role == GlobalRole.GlobalAdmin, AssistantPermissions.Allows(access, AssistantOperations.TransferOwnership));
        Assert.Equal(role == GlobalRole.GlobalAdmin, AssistantPermissions.Allows(access, AssistantOperations.ViewSupportingContent));
    }

    /// <summary>"Manage members of teams": Global Admins every team; others only the teams they own.</summary>
    [Theory]
    [InlineData(GlobalRole.GlobalAdmin, false, true)]
    [InlineData(GlobalRole.GlobalAdmin, true, true)]
    [InlineData(GlobalRole.ApplicationAdmin, false, false)]
    [InlineData(GlobalRole.ApplicationAdmin, true, true)]
    [InlineData(GlobalRole.User, false, false)]
    [InlineData(GlobalRole.User, true, true)]
    public void CanManageTeamMembers_ByRoleAndOwnership(GlobalRole role, bool isTeamOwner, bool expected)
    {
        Assert.Equal(expected, GlobalRoles.CanManageTeamMembers(role, isTeamOwner));
    }

    /// <summary>"Changing a role takes effect on that user's next request": the resolver reads the role every time.</summary>
    [Theory]
    [InlineData(GlobalRole.User, GlobalRole.GlobalAdmin, AccessLevel.None, AccessLevel.Owner)]
    [InlineData(GlobalRole.GlobalAdmin, GlobalRole.ApplicationAdmin, AccessLevel.Owner, AccessLevel.None)]
    [InlineData(GlobalRole.GlobalAdmin, GlobalRole.User, AccessLevel.Owner, AccessLevel.None)]
    public async Task Resolve_AfterARoleChange_UsesTheNewRoleOnTheNextResolve(GlobalRole before, GlobalRole after, AccessLevel levelBefore, AccessLevel levelAfter)
    {
        var viewer = await _seed.UserAsync("viewer", before);
        var assistant = await SomeoneElsesAssistantAsync();
        Assert.Equal(levelBefore, (await _resolver.ResolveAsync(new Viewer(viewer.Id), assistant.Id)).Level);

        await using (var db = _database.CreateDbContext())
        {
            await db.Users.Where(u => u.Id == viewer.Id).ExecuteUpdateAsync(s => s.SetProperty(u => u.GlobalRole, after));
        }

        var access = await _resolver.ResolveAsync(new Viewer(viewer.Id), assistant.Id);
        Assert.Equal(levelAfter, access.Level);
        Assert.Equal(after, access.ViewerRole);
    }

    private static ClaimsPrincipal Principal(ApplicationUser user) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, user.UserName!)], "Test"));

    private static OperationAuthorizationRequirement Operation(string name) =>
        AssistantOperations.All.Single(o => o.Name == name);
}
