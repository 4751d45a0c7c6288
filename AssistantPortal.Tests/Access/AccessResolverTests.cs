using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Tests.Access;

/// <summary>
/// SPEC §2.1, one row at a time, against the real resolver on a real database: each row alone gives its
/// level, and the rows' near misses give nothing.
/// </summary>
public sealed class AccessResolverTests : IAsyncLifetime
{
    private readonly TestDatabase _database = new();
    private readonly Seed _seed;
    private readonly AccessResolver _resolver;

    private ApplicationUser _owner = null!;
    private ApplicationUser _viewer = null!;
    private Organization _organization = null!;

    public AccessResolverTests()
    {
        _seed = new Seed(_database);
        _resolver = new AccessResolver(_database);
    }

    public async Task InitializeAsync()
    {
        _owner = await _seed.UserAsync("owner");
        _viewer = await _seed.UserAsync("viewer");
        _organization = await _seed.OrganizationAsync("Acme", (_owner, OrganizationRole.Member), (_viewer, OrganizationRole.Member));
    }

    public Task DisposeAsync() => _database.DisposeAsync().AsTask();

    /// <summary>The ten rows of SPEC §2.1, each arranged as the viewer's only source.</summary>
    public static TheoryData<int> Rows() => new() { 1, 2, 3, 4, 5, 6, 7, 8, 9, 10 };

    [Theory]
    [MemberData(nameof(Rows))]
    public async Task Resolve_EachRowOfTheSourceTableAlone_GivesItsLevel(int row)
    {
        var (viewer, assistant, kind, level) = await ArrangeRowAsync(row);

        var access = await _resolver.ResolveAsync(viewer, assistant.Id);

        Assert.Equal(level, access.Level);
        var source = Assert.Single(access.Sources);
        Assert.Equal(kind, source.Kind);
        Assert.Equal(level, source.Level);
        Assert.Equal(row, (int)kind);
    }

    private async Task<(Viewer Viewer, Assistant Assistant, AccessSourceKind Kind, AccessLevel Level)> ArrangeRowAsync(int row)
    {
        var team = await _seed.TeamAsync(_organization, "Support");
        var teamProject = await _seed.ProjectAsync(_organization, "Helpdesk", team);
        switch (row)
        {
            case 1:
                return (new Viewer(_owner.Id), await _seed.AssistantAsync(_owner), AccessSourceKind.Owner, AccessLevel.Owner);
            case 2:
            {
                var admin = await _seed.UserAsync("admin", GlobalRole.GlobalAdmin);
                return (new Viewer(admin.Id), await _seed.AssistantAsync(_owner), AccessSourceKind.GlobalAdmin, AccessLevel.Owner);
            }
            case 3:
            {
                var assistant = await _seed.AssistantAsync(_owner);
                await _seed.GrantAsync(assistant, _viewer, AccessLevel.ReadOnly, _owner);
                return (new Viewer(_viewer.Id), assistant, AccessSourceKind.UserGrant, AccessLevel.ReadOnly);
            }
            case 4:
            {
                var graders = await _seed.TeamAsync(_organization, "Graders", (_viewer, TeamRole.Viewer));
                var assistant = await _seed.AssistantAsync(_owner);
                await _seed.GrantAsync(assistant, graders, AccessLevel.ReadWrite, _owner);
                return (new Viewer(_viewer.Id), assistant, AccessSourceKind.TeamGrant, AccessLevel.ReadWrite);
            }
            case 5:
            {
                var assistant = await _seed.AssistantAsync(_owner);
                await _seed.GrantAsync(assistant, _organization, AccessLevel.UseOnly, _owner);
                return (new Viewer(_viewer.Id), assistant, AccessSourceKind.OrganizationGrant, AccessLevel.UseOnly);
            }
            case 6:
            {
                await AddTeamMemberAsync(team, _viewer, TeamRole.Owner);
                return (new Viewer(_viewer.Id), await _seed.AssistantAsync(_owner, project: teamProject), AccessSourceKind.TeamOwner, AccessLevel.Owner);
            }
            case 7:
            {
                await AddTeamMemberAsync(team, _viewer, TeamRole.Viewer);
                var assistant = await _seed.AssistantAsync(_owner, project: teamProject, publicAccess: PublicAccess.Team);
                return (new Viewer(_viewer.Id), assistant, AccessSourceKind.TeamGeneralAccess, AccessLevel.UseOnly);
            }
            case 8:
            {
                var project = await _seed.ProjectAsync(_organization, "Research");
                await _seed.AddToProjectAsync(project, _viewer, ProjectRole.Member);
                return (new Viewer(_viewer.Id), await _seed.AssistantAsync(_owner, project: project), AccessSourceKind.ProjectMember, AccessLevel.ReadOnly);
            }
            case 9:
            {
                var project = await _seed.ProjectAsync(_organization, "Research");
                await _seed.AddToProjectAsync(project, _viewer, ProjectRole.Admin);
                return (new Viewer(_viewer.Id), await _seed.AssistantAsync(_owner, project: project), AccessSourceKind.ProjectAdmin, AccessLevel.Owner);
            }
            case 10:
            {
                var assistant = await _seed.AssistantAsync(_owner, publicAccess: PublicAccess.EveryoneSignedIn);
                var (view, _) = await HandOutLinksAsync(assistant);
                return (new Viewer(_viewer.Id, view), assistant, AccessSourceKind.Link, AccessLevel.UseOnly);
            }
            default:
                throw new ArgumentOutOfRangeException(nameof(row));
        }
    }

    [Fact]
    public async Task Resolve_NoSource_IsNone()
    {
        // Same organization, same team, an Org Admin even: nothing in SPEC §2.1 applies, so nothing is granted.
        await _seed.TeamAsync(_organization, "Support", (_viewer, TeamRole.Viewer));
        var admin = await _seed.UserAsync("orgadmin");
        await AddOrganizationMemberAsync(admin, OrganizationRole.Admin);
        var project = await _seed.ProjectAsync(_organization, "Helpdesk");
        var assistant = await _seed.AssistantAsync(_owner, project: project, publicAccess: PublicAccess.Team);

        Assert.Equal(AccessLevel.None, (await _resolver.ResolveAsync(new Viewer(_viewer.Id), assistant.Id)).Level);
        Assert.Equal(AccessLevel.None, (await _resolver.ResolveAsync(new Viewer(admin.Id), assistant.Id)).Level);
        Assert.Empty((await _resolver.ResolveAsync(new Viewer(admin.Id), assistant.Id)).Sources);
    }

    [Fact]
    public async Task Resolve_Anonymous_IsNone()
    {
        var assistant = await _seed.AssistantAsync(_owner, publicAccess: PublicAccess.Everyone);

        var access = await _resolver.ResolveAsync(Viewer.Anonymous, assistant.Id);

        Assert.Equal(AccessLevel.None, access.Level);
        Assert.Empty(access.Sources);
    }

    [Fact]
    public async Task Resolve_MissingAssistantAsGlobalAdmin_IsNone()
    {
        var admin = await _seed.UserAsync("admin", GlobalRole.GlobalAdmin);

        var access = await _resolver.ResolveAsync(new Viewer(admin.Id), 4242);

        Assert.Equal(AccessLevel.None, access.Level);
        Assert.Empty(access.Sources);
    }

    [Theory]
    [InlineData(AccessLevel.UseOnly)]
    [InlineData(AccessLevel.ReadOnly)]
    [InlineData(AccessLevel.ReadWrite)]
    public async Task Resolve_UserGrant_GivesTheGrantsLevel(AccessLevel level)
    {
        var assistant = await _seed.AssistantAsync(_owner);
        await _seed.GrantAsync(assistant, _viewer, level, _owner);

        var access = await _resolver.ResolveAsync(new Viewer(_viewer.Id), assistant.Id);

        Assert.Equal(level, access.Level);
        var source = Assert.Single(access.Sources);
        Assert.Equal("owner", source.GrantedBy);
        Assert.Equal(new DateTime(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc), source.GrantedAt);
    }

    [Fact]
    public async Task Resolve_UserGrantToSomeoneElse_GivesNothing()
    {
        var other = await _seed.UserAsync("other");
        var assistant = await _seed.AssistantAsync(_owner);
        await _seed.GrantAsync(assistant, other, AccessLevel.ReadWrite);

        Assert.Equal(AccessLevel.None, (await _resolver.ResolveAsync(new Viewer(_viewer.Id), assistant.Id)).Level);
    }

    [Theory]
    [InlineData(TeamRole.Viewer, AccessLevel.UseOnly)]
    [InlineData(TeamRole.Viewer, AccessLevel.ReadOnly)]
    [InlineData(TeamRole.Viewer, AccessLevel.ReadWrite)]
    [InlineData(TeamRole.Owner, AccessLevel.UseOnly)]
    [InlineData(TeamRole.Owner, AccessLevel.ReadOnly)]
    [InlineData(TeamRole.Owner, AccessLevel.ReadWrite)]
    public async Task Resolve_TeamGrant_GivesTheGrantsLevelToAnyTeamRole(TeamRole role, AccessLevel level)
    {
        var team = await _seed.TeamAsync(_organization, "Support", (_viewer, role));
        var assistant = await _seed.AssistantAsync(_owner);
        await _seed.GrantAsync(assistant, team, level, _owner);

        var access = await _resolver.ResolveAsync(new Viewer(_viewer.Id), assistant.Id);

        Assert.Equal(level, access.Level);
        var source = Assert.Single(access.Sources);
        Assert.Equal((AccessSourceKind.TeamGrant, "Support"), (source.Kind, source.Through));
    }

    [Fact]
    public async Task Resolve_TeamGrantToATeamTheViewerIsNotIn_GivesNothing()
    {
        var other = await _seed.UserAsync("other");
        var team = await _seed.TeamAsync(_organization, "Support", (other, TeamRole.Viewer));
        var assistant = await _seed.AssistantAsync(_owner);
        await _seed.GrantAsync(assistant, team, AccessLevel.ReadWrite);

        Assert.Equal(AccessLevel.None, (await _resolver.ResolveAsync(new Viewer(_viewer.Id), assistant.Id)).Level);
    }

    [Theory]
    [InlineData(OrganizationRole.Member, AccessLevel.UseOnly)]
    [InlineData(OrganizationRole.Member, AccessLevel.ReadOnly)]
    [InlineData(OrganizationRole.Member, AccessLevel.ReadWrite)]
    [InlineData(OrganizationRole.Admin, AccessLevel.ReadOnly)]
    public async Task Resolve_OrganizationGrant_GivesTheGrantsLevelToEveryMember(OrganizationRole role, AccessLevel level)
    {
        var member = await _seed.UserAsync("member");
        var organization = await _seed.OrganizationAsync("Globex", (member, role));
        var assistant = await _seed.AssistantAsync(_owner);
        await _seed.GrantAsync(assistant, organization, level, _owner);

        var access = await _resolver.ResolveAsync(new Viewer(member.Id), assistant.Id);

        Assert.Equal(level, access.Level);
        var source = Assert.Single(access.Sources);
        Assert.Equal((AccessSourceKind.OrganizationGrant, "Globex"), (source.Kind, source.Through));
    }

    [Fact]
    public async Task Resolve_OrganizationGrantToAnotherOrganization_GivesNothing()
    {
        var globex = await _seed.OrganizationAsync("Globex");
        var assistant = await _seed.AssistantAsync(_owner);
        await _seed.GrantAsync(assistant, globex, AccessLevel.ReadWrite);

        Assert.Equal(AccessLevel.None, (await _resolver.ResolveAsync(new Viewer(_viewer.Id), assistant.Id)).Level);
    }

    [Theory]
    [InlineData(ShareTargetKind.Team, ShareRequestStatus.Pending)]
    [InlineData(ShareTargetKind.Team, ShareRequestStatus.Deleted)]
    [InlineData(ShareTargetKind.Team, ShareRequestStatus.Withdrawn)]
    [InlineData(ShareTargetKind.Organization, ShareRequestStatus.Pending)]
    [InlineData(ShareTargetKind.Organization, ShareRequestStatus.Deleted)]
    [InlineData(ShareTargetKind.Organization, ShareRequestStatus.Withdrawn)]
    public async Task Resolve_ShareRequestNotApproved_GrantsNothing(ShareTargetKind target, ShareRequestStatus status)
    {
        var team = await _seed.TeamAsync(_organization, "Support", (_viewer, TeamRole.Viewer));
        var assistant = await _seed.AssistantAsync(_owner);
        await using (var db = _database.CreateDbContext())
        {
            db.ShareRequests.Add(new ShareRequest
            {
                AssistantId = assistant.Id, TargetKind = target, RequestedLevel = AccessLevel.ReadWrite,
                TeamId = target == ShareTargetKind.Team ? team.Id : null,
                OrganizationId = target == ShareTargetKind.Organization ? _organization.Id : null,
                RequestedByUserId = _owner.Id, RequestedAt = DateTime.UtcNow, Status = status,
            });
            await db.SaveChangesAsync();
        }

        Assert.Equal(AccessLevel.None, (await _resolver.ResolveAsync(new Viewer(_viewer.Id), assistant.Id)).Level);
    }

    [Theory]
    [InlineData(PublicAccess.NotAccessible)]
    [InlineData(PublicAccess.Team)]
    [InlineData(PublicAccess.EveryoneSignedIn)]
    [InlineData(PublicAccess.Everyone)]
    public async Task Resolve_TeamOwnerOfTheTeamTheAssistantIsWithin_IsOwnerWhateverThePublicAccess(PublicAccess publicAccess)
    {
        var team = await _seed.TeamAsync(_organization, "Support", (_viewer, TeamRole.Owner));
        var project = await _seed.ProjectAsync(_organization, "Helpdesk", team);
        var assistant = await _seed.AssistantAsync(_owner, project: project, publicAccess: publicAccess);

        var access = await _resolver.ResolveAsync(new Viewer(_viewer.Id), assistant.Id);

        Assert.Equal(AccessLevel.Owner, access.Level);
        Assert.False(access.IsOwner);
        Assert.Equal((AccessSourceKind.TeamOwner, "Support"), (access.Sources.Single().Kind, access.Sources.Single().Through));
    }

    [Theory]
    [InlineData(TeamRole.Owner)]
    [InlineData(TeamRole.Viewer)]
    public async Task Resolve_MemberOfAnotherTeam_GetsNothingFromTheTeamRows(TeamRole role)
    {
        await _seed.TeamAsync(_organization, "Sales", (_viewer, role));
        var support = await _seed.TeamAsync(_organization, "Support");
        var project = await _seed.ProjectAsync(_organization, "Helpdesk", support);
        var assistant = await _seed.AssistantAsync(_owner, project: project, publicAccess: PublicAccess.Team);

        Assert.Equal(AccessLevel.None, (await _resolver.ResolveAsync(new Viewer(_viewer.Id), assistant.Id)).Level);
    }

    [Fact]
    public async Task Resolve_TeamOwnerOfAProjectlessAssistantsOwnersTeam_GetsNothing()
    {
        // "Within a team" means through the assistant's project; a team the owner happens to be in does not count.
        await _seed.TeamAsync(_organization, "Support", (_viewer, TeamRole.Owner), (_owner, TeamRole.Viewer));
        var assistant = await _seed.AssistantAsync(_owner, publicAccess: PublicAccess.Team);

        Assert.Equal(AccessLevel.None, (await _resolver.ResolveAsync(new Viewer(_viewer.Id), assistant.Id)).Level);
    }

    [Theory]
    [InlineData(PublicAccess.NotAccessible)]
    [InlineData(PublicAccess.EveryoneSignedIn)]
    [InlineData(PublicAccess.Everyone)]
    public async Task Resolve_TeamViewerWhenGeneralAccessIsNotTeam_GetsNothing(PublicAccess publicAccess)
    {
        var team = await _seed.TeamAsync(_organization, "Support", (_viewer, TeamRole.Viewer));
        var project = await _seed.ProjectAsync(_organization, "Helpdesk", team);
        var assistant = await _seed.AssistantAsync(_owner, project: project, publicAccess: publicAccess);

        Assert.Equal(AccessLevel.None, (await _resolver.ResolveAsync(new Viewer(_viewer.Id), assistant.Id)).Level);
    }

    [Fact]
    public async Task Resolve_TeamGeneralAccessOnAProjectWithoutTeam_GivesNothing()
    {
        await _seed.TeamAsync(_organization, "Support", (_viewer, TeamRole.Viewer));
        var project = await _seed.ProjectAsync(_organization, "Helpdesk");
        var assistant = await _seed.AssistantAsync(_owner, project: project, publicAccess: PublicAccess.Team);

        Assert.Equal(AccessLevel.None, (await _resolver.ResolveAsync(new Viewer(_viewer.Id), assistant.Id)).Level);
    }

    [Theory]
    [InlineData(ProjectRole.Member, TeamRole.Viewer, AccessSourceKind.ProjectMember, AccessLevel.ReadOnly)]
    [InlineData(ProjectRole.Member, TeamRole.Owner, AccessSourceKind.ProjectMember, AccessLevel.ReadOnly)]
    [InlineData(ProjectRole.Admin, TeamRole.Viewer, AccessSourceKind.ProjectAdmin, AccessLevel.Owner)]
    [InlineData(ProjectRole.Admin, TeamRole.Owner, AccessSourceKind.ProjectAdmin, AccessLevel.Owner)]
    public async Task Resolve_ProjectRoleThroughATeamAddedToTheProject_GivesTheRolesLevel(
        ProjectRole role, TeamRole teamRole, AccessSourceKind kind, AccessLevel level)
    {
        var team = await _seed.TeamAsync(_organization, "Support", (_viewer, teamRole));
        // A project of no team: the team only comes in as a project member, so rows 6 and 7 do not apply.
        var project = await _seed.ProjectAsync(_organization, "Helpdesk");
        await _seed.AddToProjectAsync(project, team, role);
        var assistant = await _seed.AssistantAsync(_owner, project: project);

        var access = await _resolver.ResolveAsync(new Viewer(_viewer.Id), assistant.Id);

        Assert.Equal(level, access.Level);
        var source = Assert.Single(access.Sources);
        Assert.Equal((kind, "Helpdesk", "Support"), (source.Kind, source.Through, source.Via));
    }

    [Theory]
    [InlineData(ProjectRole.Member)]
    [InlineData(ProjectRole.Admin)]
    public async Task Resolve_MemberOfAnotherProject_GetsNothing(ProjectRole role)
    {
        var mine = await _seed.ProjectAsync(_organization, "Mine");
        await _seed.AddToProjectAsync(mine, _viewer, role);
        var theirs = await _seed.ProjectAsync(_organization, "Theirs");
        var assistant = await _seed.AssistantAsync(_owner, project: theirs);

        Assert.Equal(AccessLevel.None, (await _resolver.ResolveAsync(new Viewer(_viewer.Id), assistant.Id)).Level);
    }

    /// <summary>
    /// Row 10 and SPEC §4.5: which link works under which public access, signed in or not. The edit link
    /// always needs signing in; the view link works for anyone only under Everyone.
    /// </summary>
    [Theory]
    [InlineData(PublicAccess.NotAccessible, "view", true, AccessLevel.None)]
    [InlineData(PublicAccess.NotAccessible, "edit", true, AccessLevel.None)]
    [InlineData(PublicAccess.Team, "view", true, AccessLevel.None)]
    [InlineData(PublicAccess.Team, "edit", true, AccessLevel.None)]
    [InlineData(PublicAccess.EveryoneSignedIn, "view", true, AccessLevel.UseOnly)]
    [InlineData(PublicAccess.EveryoneSignedIn, "view", false, AccessLevel.None)]
    [InlineData(PublicAccess.EveryoneSignedIn, "edit", true, AccessLevel.ReadWrite)]
    [InlineData(PublicAccess.EveryoneSignedIn, "edit", false, AccessLevel.None)]
    [InlineData(PublicAccess.Everyone, "view", true, AccessLevel.UseOnly)]
    [InlineData(PublicAccess.Everyone, "view", false, AccessLevel.UseOnly)]
    [InlineData(PublicAccess.Everyone, "edit", true, AccessLevel.ReadWrite)]
    [InlineData(PublicAccess.Everyone, "edit", false, AccessLevel.None)]
    [InlineData(PublicAccess.Everyone, "wrong", true, AccessLevel.None)]
    [InlineData(PublicAccess.Everyone, "wrong", false, AccessLevel.None)]
    public async Task Resolve_ArrivingThroughALink_GivesTheLinksLevelWhenPublicAccessAllows(
        PublicAccess publicAccess, string link, bool signedIn, AccessLevel expected)
    {
        var assistant = await _seed.AssistantAsync(_owner, publicAccess: publicAccess);
        var (view, edit) = await HandOutLinksAsync(assistant);
        var token = link switch { "view" => view, "edit" => edit, _ => LinkTokens.Create() };

        var access = await _resolver.ResolveAsync(new Viewer(signedIn ? _viewer.Id : null, token), assistant.Id);

        Assert.Equal(expected, access.Level);
        Assert.Equal(expected == AccessLevel.None ? 0 : 1, access.Sources.Count(s => s.Kind == AccessSourceKind.Link));
    }

    [Fact]
    public async Task Resolve_AnotherAssistantsLink_GivesNothing()
    {
        var assistant = await _seed.AssistantAsync(_owner, publicAccess: PublicAccess.Everyone);
        var other = await _seed.AssistantAsync(_owner, "Other", publicAccess: PublicAccess.Everyone);
        var (view, edit) = await HandOutLinksAsync(other);

        Assert.Equal(AccessLevel.None, (await _resolver.ResolveAsync(new Viewer(_viewer.Id, view), assistant.Id)).Level);
        Assert.Equal(AccessLevel.None, (await _resolver.ResolveAsync(new Viewer(_viewer.Id, edit), assistant.Id)).Level);
    }

    [Fact]
    public async Task Resolve_ALinkAfterItWasReset_GivesNothing()
    {
        var assistant = await _seed.AssistantAsync(_owner, publicAccess: PublicAccess.Everyone);
        var (view, _) = await HandOutLinksAsync(assistant);
        await HandOutLinksAsync(assistant);

        Assert.Equal(AccessLevel.None, (await _resolver.ResolveAsync(new Viewer(_viewer.Id, view), assistant.Id)).Level);
    }

    [Fact]
    public async Task Resolve_SeveralSources_GivesTheMaximumAndListsEveryOne()
    {
        var team = await _seed.TeamAsync(_organization, "Support", (_viewer, TeamRole.Viewer));
        var project = await _seed.ProjectAsync(_organization, "Helpdesk", team);
        await _seed.AddToProjectAsync(project, _viewer, ProjectRole.Member);
        var assistant = await _seed.AssistantAsync(_owner, project: project, publicAccess: PublicAccess.Team);
        await _seed.GrantAsync(assistant, _viewer, AccessLevel.UseOnly);
        await _seed.GrantAsync(assistant, team, AccessLevel.ReadWrite);
        await _seed.GrantAsync(assistant, _organization, AccessLevel.ReadOnly);

        var access = await _resolver.ResolveAsync(new Viewer(_viewer.Id), assistant.Id);

        Assert.Equal(AccessLevel.ReadWrite, access.Level);
        Assert.Equal(
            [AccessSourceKind.UserGrant, AccessSourceKind.TeamGrant, AccessSourceKind.OrganizationGrant, AccessSourceKind.TeamGeneralAccess, AccessSourceKind.ProjectMember],
            access.Sources.Select(s => s.Kind).Order());
    }

    [Fact]
    public async Task Resolve_GrantRemoved_TakesEffectOnTheNextResolve()
    {
        var assistant = await _seed.AssistantAsync(_owner);
        await _seed.GrantAsync(assistant, _viewer, AccessLevel.ReadWrite);
        Assert.Equal(AccessLevel.ReadWrite, (await _resolver.ResolveAsync(new Viewer(_viewer.Id), assistant.Id)).Level);

        await using (var db = _database.CreateDbContext())
        {
            await db.AssistantUserGrants.Where(g => g.AssistantId == assistant.Id).ExecuteDeleteAsync();
        }

        Assert.Equal(AccessLevel.None, (await _resolver.ResolveAsync(new Viewer(_viewer.Id), assistant.Id)).Level);
    }

    private async Task AddTeamMemberAsync(Team team, ApplicationUser user, TeamRole role)
    {
        await using var db = _database.CreateDbContext();
        db.TeamMembers.Add(new TeamMember { TeamId = team.Id, UserId = user.Id, Role = role });
        await db.SaveChangesAsync();
    }

    private async Task AddOrganizationMemberAsync(ApplicationUser user, OrganizationRole role)
    {
        await using var db = _database.CreateDbContext();
        db.OrganizationMembers.Add(new OrganizationMember { OrganizationId = _organization.Id, UserId = user.Id, Role = role });
        await db.SaveChangesAsync();
    }

    /// <summary>Hands out (or resets) both links and returns their tokens.</summary>
    private async Task<(string View, string Edit)> HandOutLinksAsync(Assistant assistant)
    {
        var (view, edit) = (LinkTokens.Create(), LinkTokens.Create());
        await using var db = _database.CreateDbContext();
        await db.Assistants.Where(a => a.Id == assistant.Id)
            .ExecuteUpdateAsync(s => s.SetProperty(a => a.ViewLinkToken, view).SetProperty(a => a.EditLinkToken, edit));
        return (view, edit);
    }
}
