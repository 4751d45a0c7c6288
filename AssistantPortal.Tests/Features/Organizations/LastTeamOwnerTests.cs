using AssistantPortal.Data;
using AssistantPortal.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Tests.Features.Organizations;

/// <summary>
/// The last Team Owner of a team with pending share requests may go, but only once the actor has seen that the
/// requests then go to the Org Admins (SPEC §4.2); also unknown people typed as new members.
/// </summary>
public sealed class LastTeamOwnerTests : OrganizationsTestBase
{
    private async Task<(ApplicationUser Admin, ApplicationUser Dave, ApplicationUser Bob, Team Support)> TeamWithPendingRequestAsync(bool orgAdmin = true)
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var dave = await Seed.UserAsync("dave");
        var bob = await Seed.UserAsync("bob");
        var carol = await Seed.UserAsync("carol");
        var contoso = orgAdmin
            ? await Seed.OrganizationAsync("Contoso", (dave, OrganizationRole.Member), (bob, OrganizationRole.Member), (carol, OrganizationRole.Admin))
            : await Seed.OrganizationAsync("Contoso", (dave, OrganizationRole.Member), (bob, OrganizationRole.Member));
        var support = await Seed.TeamAsync(contoso, "Support", (dave, TeamRole.Owner), (bob, TeamRole.Viewer));
        var assistant = await Seed.AssistantAsync(bob, "Bob's bot");
        await using var db = Database.CreateDbContext();
        db.ShareRequests.Add(new ShareRequest
        {
            AssistantId = assistant.Id, TargetKind = ShareTargetKind.Team, TeamId = support.Id, RequestedLevel = AccessLevel.UseOnly,
            RequestedByUserId = bob.Id, RequestedAt = DateTime.UtcNow, Status = ShareRequestStatus.Pending,
        });
        await db.SaveChangesAsync();
        return (admin, dave, bob, support);
    }

    private Task<TeamRole?> RoleAsync(Team team, ApplicationUser user) =>
        QueryAsync(db => db.TeamMembers.Where(m => m.TeamId == team.Id && m.UserId == user.Id).Select(m => (TeamRole?)m.Role).SingleOrDefaultAsync());

    [Fact]
    public async Task Remove_LastOwnerWithPendingRequests_AsksForConfirmationAndChangesNothing()
    {
        var (admin, dave, _, support) = await TeamWithPendingRequestAsync();

        var result = await Create<RemoveTeamMember>().ExecuteAsync(As(admin), support.Id, dave.Id);

        Assert.Equal(CommandStatus.NeedsConfirmation, result.Status);
        Assert.Equal("dave is the last Team Owner of Support, and 1 share request waits for the team's decision. " +
                     "Without a Team Owner, they will go to the Org Admins of Contoso. Confirm to go ahead.", result.ErrorFor(""));
        Assert.Equal(TeamRole.Owner, await RoleAsync(support, dave));
        Assert.Empty(await AuditAsync());
        Assert.Equal(0, Events.AllCount);
    }

    [Fact]
    public async Task Remove_LastOwnerWithPendingRequests_Confirmed_Removes()
    {
        var (admin, dave, _, support) = await TeamWithPendingRequestAsync();

        var result = await Create<RemoveTeamMember>().ExecuteAsync(As(admin), support.Id, dave.Id, confirmed: true);

        Assert.True(result.Succeeded);
        Assert.Null(await RoleAsync(support, dave));
        Assert.Equal(1, await QueryAsync(db => db.ShareRequests.CountAsync(r => r.Status == ShareRequestStatus.Pending)));
    }

    [Fact]
    public async Task Remove_LastOwnerWhenTheOrganizationHasNoOrgAdmins_SaysOnlyGlobalAdminsCanDecide()
    {
        var (admin, dave, _, support) = await TeamWithPendingRequestAsync(orgAdmin: false);

        var result = await Create<RemoveTeamMember>().ExecuteAsync(As(admin), support.Id, dave.Id);

        Assert.Equal(CommandStatus.NeedsConfirmation, result.Status);
        Assert.Contains("Contoso has no Org Admins, so only Global Admins will be able to decide them", result.ErrorFor(""));
    }

    [Fact]
    public async Task Remove_AViewerOfATeamWithPendingRequests_NeedsNoConfirmation()
    {
        var (admin, _, bob, support) = await TeamWithPendingRequestAsync();

        var result = await Create<RemoveTeamMember>().ExecuteAsync(As(admin), support.Id, bob.Id);

        Assert.True(result.Succeeded);
        Assert.Null(await RoleAsync(support, bob));
    }

    [Fact]
    public async Task Remove_LastOwnerWithoutPendingRequests_NeedsNoConfirmation()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var dave = await Seed.UserAsync("dave");
        var contoso = await Seed.OrganizationAsync("Contoso", (dave, OrganizationRole.Member));
        var support = await Seed.TeamAsync(contoso, "Support", (dave, TeamRole.Owner));

        var result = await Create<RemoveTeamMember>().ExecuteAsync(As(admin), support.Id, dave.Id);

        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task SetRole_DemotingTheLastOwnerWithPendingRequests_AsksForConfirmationAndChangesNothing()
    {
        var (_, dave, _, support) = await TeamWithPendingRequestAsync();

        var result = await Create<SetTeamRole>().ExecuteAsync(As(dave), support.Id, dave.Id, TeamRole.Viewer);

        Assert.Equal(CommandStatus.NeedsConfirmation, result.Status);
        Assert.Equal(TeamRole.Owner, await RoleAsync(support, dave));
        Assert.Empty(await AuditAsync());
    }

    [Fact]
    public async Task SetRole_DemotingTheLastOwner_Confirmed_Demotes()
    {
        var (_, dave, _, support) = await TeamWithPendingRequestAsync();

        var result = await Create<SetTeamRole>().ExecuteAsync(As(dave), support.Id, dave.Id, TeamRole.Viewer, confirmed: true);

        Assert.True(result.Succeeded);
        Assert.Equal(TeamRole.Viewer, await RoleAsync(support, dave));
    }

    [Fact]
    public async Task AddTeamMember_UnknownEmail_IsInvalid()
    {
        var (admin, _, _, support) = await TeamWithPendingRequestAsync();

        var result = await Create<AddTeamMember>().ExecuteAsync(As(admin), support.Id, "nobody@example.test");

        await AssertRefusedAsync(result, Fields.User, "There is no user \"nobody@example.test\".");
    }

    [Fact]
    public async Task AddOrganizationMember_UnknownEmail_IsInvalid()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var contoso = await Seed.OrganizationAsync("Contoso");

        var result = await Create<AddOrganizationMember>().ExecuteAsync(As(admin), contoso.Id, "nobody@example.test", OrganizationRole.Member);

        await AssertRefusedAsync(result, Fields.User, "There is no user \"nobody@example.test\".");
    }
}
