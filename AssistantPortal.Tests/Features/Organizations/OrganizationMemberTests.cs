using AssistantPortal.Data;
using AssistantPortal.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Tests.Features.Organizations;

/// <summary>AddOrganizationMember, RemoveOrganizationMember and SetOrganizationRole.</summary>
public sealed class OrganizationMemberTests : OrganizationsTestBase
{
    private Task<OrganizationMember?> MembershipAsync(Organization organization, ApplicationUser user) =>
        QueryAsync(db => db.OrganizationMembers.SingleOrDefaultAsync(m => m.OrganizationId == organization.Id && m.UserId == user.Id));

    [Fact]
    public async Task Add_AsGlobalAdmin_AddsMemberAuditsAndPublishes()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var alice = await Seed.UserAsync("alice");
        var contoso = await Seed.OrganizationAsync("Contoso");

        var result = await Create<AddOrganizationMember>().ExecuteAsync(As(admin), contoso.Id, "ALICE", OrganizationRole.Member);

        Assert.True(result.Succeeded);
        Assert.Equal(OrganizationRole.Member, (await MembershipAsync(contoso, alice))!.Role);
        var entry = Assert.Single(await AuditAsync());
        Assert.Equal((AuditAction.MembershipChanged, "alice added as Member"), (entry.Action, entry.Details));
        Assert.Equal(1, Events.AllCount);
    }

    [Fact]
    public async Task Add_ByEmail_FindsTheUser()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var alice = await Seed.UserAsync("alice");
        var contoso = await Seed.OrganizationAsync("Contoso");

        var result = await Create<AddOrganizationMember>().ExecuteAsync(As(admin), contoso.Id, "alice@example.test", OrganizationRole.Admin);

        Assert.True(result.Succeeded);
        Assert.Equal(OrganizationRole.Admin, (await MembershipAsync(contoso, alice))!.Role);
    }

    [Fact]
    public async Task Add_AsOrgAdmin_AddsMember()
    {
        var carol = await Seed.UserAsync("carol");
        var alice = await Seed.UserAsync("alice");
        var contoso = await Seed.OrganizationAsync("Contoso", (carol, OrganizationRole.Admin));

        var result = await Create<AddOrganizationMember>().ExecuteAsync(As(carol), contoso.Id, "alice", OrganizationRole.Member);

        Assert.True(result.Succeeded);
        Assert.NotNull(await MembershipAsync(contoso, alice));
    }

    [Fact]
    public async Task Add_AsOrgAdmin_AnotherOrgAdmin_IsForbidden()
    {
        var carol = await Seed.UserAsync("carol");
        var alice = await Seed.UserAsync("alice");
        var contoso = await Seed.OrganizationAsync("Contoso", (carol, OrganizationRole.Admin));

        var result = await Create<AddOrganizationMember>().ExecuteAsync(As(carol), contoso.Id, "alice", OrganizationRole.Admin);

        Assert.Equal(CommandStatus.Forbidden, result.Status);
        Assert.Null(await MembershipAsync(contoso, alice));
    }

    [Fact]
    public async Task Add_AsPlainMember_IsForbidden()
    {
        var bob = await Seed.UserAsync("bob");
        var alice = await Seed.UserAsync("alice");
        var contoso = await Seed.OrganizationAsync("Contoso", (bob, OrganizationRole.Member));

        var result = await Create<AddOrganizationMember>().ExecuteAsync(As(bob), contoso.Id, "alice", OrganizationRole.Member);

        Assert.Equal(CommandStatus.Forbidden, result.Status);
        Assert.Null(await MembershipAsync(contoso, alice));
    }

    [Theory]
    [InlineData(GlobalRole.ApplicationAdmin)]
    [InlineData(GlobalRole.User)]
    public async Task Add_ToAnOrganizationTheActorIsNotIn_IsNotFound(GlobalRole role)
    {
        var outsider = await Seed.UserAsync("outsider", role);
        var alice = await Seed.UserAsync("alice");
        var contoso = await Seed.OrganizationAsync("Contoso");

        var result = await Create<AddOrganizationMember>().ExecuteAsync(As(outsider), contoso.Id, "alice", OrganizationRole.Member);

        Assert.Equal(CommandStatus.NotFound, result.Status);
        Assert.Null(await MembershipAsync(contoso, alice));
    }

    [Fact]
    public async Task Add_UnknownUser_IsInvalid()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var contoso = await Seed.OrganizationAsync("Contoso");

        var result = await Create<AddOrganizationMember>().ExecuteAsync(As(admin), contoso.Id, "nobody", OrganizationRole.Member);

        await AssertRefusedAsync(result, Fields.User, "There is no user \"nobody\"");
    }

    [Fact]
    public async Task Add_EmptyUser_IsInvalid()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var contoso = await Seed.OrganizationAsync("Contoso");

        var result = await Create<AddOrganizationMember>().ExecuteAsync(As(admin), contoso.Id, " ", OrganizationRole.Member);

        await AssertRefusedAsync(result, Fields.User, "Choose a user");
    }

    [Fact]
    public async Task Add_Twice_IsInvalid()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var alice = await Seed.UserAsync("alice");
        var contoso = await Seed.OrganizationAsync("Contoso", (alice, OrganizationRole.Member));

        var result = await Create<AddOrganizationMember>().ExecuteAsync(As(admin), contoso.Id, "alice", OrganizationRole.Admin);

        await AssertRefusedAsync(result, Fields.User, "already a member");
        Assert.Equal(OrganizationRole.Member, (await MembershipAsync(contoso, alice))!.Role);
    }

    [Fact]
    public async Task Add_WhenAnotherRequestAddsTheSamePersonFirst_IsInvalidNotACrash()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var alice = await Seed.UserAsync("alice");
        var contoso = await Seed.OrganizationAsync("Contoso");
        var racing = Racing(async other =>
        {
            other.OrganizationMembers.Add(new OrganizationMember { OrganizationId = contoso.Id, UserId = alice.Id });
            await other.SaveChangesAsync();
        });

        var result = await Create<AddOrganizationMember>(racing).ExecuteAsync(As(admin), contoso.Id, "alice", OrganizationRole.Admin);

        await AssertRefusedAsync(result, Fields.User, "already a member");
    }

    [Fact]
    public async Task Add_UndefinedRole_IsInvalid()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        await Seed.UserAsync("alice");
        var contoso = await Seed.OrganizationAsync("Contoso");

        var result = await Create<AddOrganizationMember>().ExecuteAsync(As(admin), contoso.Id, "alice", (OrganizationRole)7);

        await AssertRefusedAsync(result, Fields.Role, "Choose Member or Org Admin");
    }

    [Fact]
    public async Task Remove_AsOrgAdmin_RemovesMemberAndPublishes()
    {
        var carol = await Seed.UserAsync("carol");
        var alice = await Seed.UserAsync("alice");
        var contoso = await Seed.OrganizationAsync("Contoso", (carol, OrganizationRole.Admin), (alice, OrganizationRole.Member));

        var result = await Create<RemoveOrganizationMember>().ExecuteAsync(As(carol), contoso.Id, alice.Id);

        Assert.True(result.Succeeded);
        Assert.Null(await MembershipAsync(contoso, alice));
        Assert.Equal("alice removed", Assert.Single(await AuditAsync()).Details);
        Assert.Equal(1, Events.AllCount);
    }

    [Fact]
    public async Task Remove_AnOrgAdmin_AsOrgAdmin_IsForbidden()
    {
        var carol = await Seed.UserAsync("carol");
        var dave = await Seed.UserAsync("dave");
        var contoso = await Seed.OrganizationAsync("Contoso", (carol, OrganizationRole.Admin), (dave, OrganizationRole.Admin));

        var result = await Create<RemoveOrganizationMember>().ExecuteAsync(As(carol), contoso.Id, dave.Id);

        Assert.Equal(CommandStatus.Forbidden, result.Status);
        Assert.NotNull(await MembershipAsync(contoso, dave));
    }

    [Fact]
    public async Task Remove_AnOrgAdmin_AsGlobalAdmin_Removes()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var carol = await Seed.UserAsync("carol");
        var contoso = await Seed.OrganizationAsync("Contoso", (carol, OrganizationRole.Admin));

        var result = await Create<RemoveOrganizationMember>().ExecuteAsync(As(admin), contoso.Id, carol.Id);

        Assert.True(result.Succeeded);
        Assert.Null(await MembershipAsync(contoso, carol));
    }

    [Fact]
    public async Task Remove_SomeoneNotInTheOrganization_IsInvalid()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var alice = await Seed.UserAsync("alice");
        var contoso = await Seed.OrganizationAsync("Contoso");

        var result = await Create<RemoveOrganizationMember>().ExecuteAsync(As(admin), contoso.Id, alice.Id);

        await AssertRefusedAsync(result, Fields.User, "not a member");
    }

    [Fact]
    public async Task Remove_AsPlainMember_IsForbidden()
    {
        var bob = await Seed.UserAsync("bob");
        var alice = await Seed.UserAsync("alice");
        var contoso = await Seed.OrganizationAsync("Contoso", (bob, OrganizationRole.Member), (alice, OrganizationRole.Member));

        var result = await Create<RemoveOrganizationMember>().ExecuteAsync(As(bob), contoso.Id, alice.Id);

        Assert.Equal(CommandStatus.Forbidden, result.Status);
        Assert.NotNull(await MembershipAsync(contoso, alice));
    }

    [Fact]
    public async Task SetRole_AsGlobalAdmin_MakesOrgAdminAndPublishes()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var alice = await Seed.UserAsync("alice");
        var contoso = await Seed.OrganizationAsync("Contoso", (alice, OrganizationRole.Member));

        var result = await Create<SetOrganizationRole>().ExecuteAsync(As(admin), contoso.Id, alice.Id, OrganizationRole.Admin);

        Assert.True(result.Succeeded);
        Assert.Equal(OrganizationRole.Admin, (await MembershipAsync(contoso, alice))!.Role);
        Assert.Equal("alice: Member → Org Admin", Assert.Single(await AuditAsync()).Details);
        Assert.Equal(1, Events.AllCount);
    }

    [Fact]
    public async Task SetRole_AsOrgAdmin_IsForbidden()
    {
        var carol = await Seed.UserAsync("carol");
        var alice = await Seed.UserAsync("alice");
        var contoso = await Seed.OrganizationAsync("Contoso", (carol, OrganizationRole.Admin), (alice, OrganizationRole.Member));

        var result = await Create<SetOrganizationRole>().ExecuteAsync(As(carol), contoso.Id, alice.Id, OrganizationRole.Admin);

        Assert.Equal(CommandStatus.Forbidden, result.Status);
        Assert.Equal(OrganizationRole.Member, (await MembershipAsync(contoso, alice))!.Role);
    }

    [Fact]
    public async Task SetRole_ToTheRoleItAlreadyHas_IsInvalid()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var alice = await Seed.UserAsync("alice");
        var contoso = await Seed.OrganizationAsync("Contoso", (alice, OrganizationRole.Admin));

        var result = await Create<SetOrganizationRole>().ExecuteAsync(As(admin), contoso.Id, alice.Id, OrganizationRole.Admin);

        await AssertRefusedAsync(result, Fields.Role, "already Org Admin");
    }

    [Fact]
    public async Task SetRole_OfSomeoneNotInTheOrganization_IsInvalid()
    {
        var admin = await Seed.UserAsync("admin", GlobalRole.GlobalAdmin);
        var alice = await Seed.UserAsync("alice");
        var contoso = await Seed.OrganizationAsync("Contoso");

        var result = await Create<SetOrganizationRole>().ExecuteAsync(As(admin), contoso.Id, alice.Id, OrganizationRole.Admin);

        await AssertRefusedAsync(result, Fields.User, "not a member");
    }
}
