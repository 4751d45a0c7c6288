using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Admin.Users;
using AssistantPortal.Features.Organizations;

namespace AssistantPortal.Tests.Features.Admin.Users;

/// <summary>
/// SPEC §3, "assign global roles", one test per rule of the cell, against the command on a real database:
/// a Global Admin gives any role to anyone, but cannot demote another Global Admin, and the last one cannot
/// step down; an Application Admin gives only Application Admin or User, and never to a Global Admin; a User nothing.
/// </summary>
public sealed class ChangeGlobalRoleTests : UsersTestBase
{
    private ChangeGlobalRole Command => Create<ChangeGlobalRole>();

    [Theory]
    [InlineData(GlobalRole.User, GlobalRole.ApplicationAdmin)]
    [InlineData(GlobalRole.User, GlobalRole.GlobalAdmin)]
    [InlineData(GlobalRole.ApplicationAdmin, GlobalRole.GlobalAdmin)]
    [InlineData(GlobalRole.ApplicationAdmin, GlobalRole.User)]
    public async Task ChangeRole_AsGlobalAdmin_AssignsAnyRoleToANonGlobalAdmin(GlobalRole before, GlobalRole after)
    {
        var gina = await Seed.UserAsync("gina", GlobalRole.GlobalAdmin);
        var target = await Seed.UserAsync("target", before);

        var result = await Command.ExecuteAsync(As(gina), target.Id, after);

        Assert.True(result.Succeeded);
        Assert.Equal(after, await RoleOfAsync(target));
        var entry = Assert.Single(await AuditAsync());
        Assert.Equal(AuditAction.GlobalRoleChanged, entry.Action);
        Assert.Equal((gina.Id, "gina", "target"), (entry.ActorUserId, entry.ActorName, entry.Target));
        Assert.Equal($"{before.DisplayName()} → {after.DisplayName()}", entry.Details);
        Assert.Equal([target.Id], Sessions.Changed);
    }

    [Theory]
    [InlineData(GlobalRole.ApplicationAdmin)]
    [InlineData(GlobalRole.User)]
    public async Task ChangeRole_AsGlobalAdminOnAnotherGlobalAdmin_IsRefusedAndChangesNothing(GlobalRole after)
    {
        var gina = await Seed.UserAsync("gina", GlobalRole.GlobalAdmin);
        var gus = await Seed.UserAsync("gus", GlobalRole.GlobalAdmin);

        var result = await Command.ExecuteAsync(As(gina), gus.Id, after);

        await AssertRefusedAsync(result, CommandStatus.Forbidden, "", "A Global Admin cannot demote another Global Admin.");
        Assert.Equal(GlobalRole.GlobalAdmin, await RoleOfAsync(gus));
    }

    [Theory]
    [InlineData(GlobalRole.ApplicationAdmin)]
    [InlineData(GlobalRole.User)]
    public async Task ChangeRole_GlobalAdminSteppingDownWhileAnotherRemains_Succeeds(GlobalRole after)
    {
        var gina = await Seed.UserAsync("gina", GlobalRole.GlobalAdmin);
        await Seed.UserAsync("gus", GlobalRole.GlobalAdmin);

        var result = await Command.ExecuteAsync(As(gina), gina.Id, after);

        Assert.True(result.Succeeded);
        Assert.Equal(after, await RoleOfAsync(gina));
        Assert.Single(await AuditAsync());
    }

    [Theory]
    [InlineData(GlobalRole.ApplicationAdmin)]
    [InlineData(GlobalRole.User)]
    public async Task ChangeRole_LastGlobalAdminSteppingDown_IsRefusedAndChangesNothing(GlobalRole after)
    {
        var gina = await Seed.UserAsync("gina", GlobalRole.GlobalAdmin);
        await Seed.UserAsync("adam", GlobalRole.ApplicationAdmin);

        var result = await Command.ExecuteAsync(As(gina), gina.Id, after);

        await AssertRefusedAsync(result, CommandStatus.Forbidden, "", "The last Global Admin cannot step down.");
        Assert.Equal(GlobalRole.GlobalAdmin, await RoleOfAsync(gina));
    }

    [Fact]
    public async Task ChangeRole_TwoLastGlobalAdminsSteppingDownAtOnce_ExactlyOneSucceeds()
    {
        // Repeated, so the two commands interleave in different ways; every round must leave one Global Admin.
        for (var round = 0; round < 5; round++)
        {
            var gina = await Seed.UserAsync($"gina{round}", GlobalRole.GlobalAdmin);
            var gus = await Seed.UserAsync($"gus{round}", GlobalRole.GlobalAdmin);
            var start = new TaskCompletionSource();
            var first = Task.Run(async () => { await start.Task; return await Create<ChangeGlobalRole>().ExecuteAsync(As(gina), gina.Id, GlobalRole.User); });
            var second = Task.Run(async () => { await start.Task; return await Create<ChangeGlobalRole>().ExecuteAsync(As(gus), gus.Id, GlobalRole.User); });

            start.SetResult();
            var results = await Task.WhenAll(first, second);

            Assert.Single(results, r => r.Succeeded);
            Assert.Equal("The last Global Admin cannot step down.", Assert.Single(results, r => !r.Succeeded).ErrorFor(""));
            Assert.Equal(1, (await RoleOfAsync(gina) == GlobalRole.GlobalAdmin ? 1 : 0) + (await RoleOfAsync(gus) == GlobalRole.GlobalAdmin ? 1 : 0));
            Assert.Equal(round + 1, (await AuditAsync()).Count);
            // The survivor stays Global Admin for the next round's count; demote it out of the way directly.
            await using var db = Database.CreateDbContext();
            db.Users.RemoveRange(db.Users);
            await db.SaveChangesAsync();
        }
    }

    [Theory]
    [InlineData(GlobalRole.User, GlobalRole.ApplicationAdmin)]
    [InlineData(GlobalRole.ApplicationAdmin, GlobalRole.User)]
    public async Task ChangeRole_AsApplicationAdmin_AssignsApplicationAdminOrUserToANonGlobalAdmin(GlobalRole before, GlobalRole after)
    {
        var adam = await Seed.UserAsync("adam", GlobalRole.ApplicationAdmin);
        var target = await Seed.UserAsync("target", before);

        var result = await Command.ExecuteAsync(As(adam), target.Id, after);

        Assert.True(result.Succeeded);
        Assert.Equal(after, await RoleOfAsync(target));
        Assert.Equal(AuditAction.GlobalRoleChanged, Assert.Single(await AuditAsync()).Action);
    }

    [Fact]
    public async Task ChangeRole_ApplicationAdminSteppingDownToUser_Succeeds()
    {
        var adam = await Seed.UserAsync("adam", GlobalRole.ApplicationAdmin);

        var result = await Command.ExecuteAsync(As(adam), adam.Id, GlobalRole.User);

        Assert.True(result.Succeeded);
        Assert.Equal(GlobalRole.User, await RoleOfAsync(adam));
    }

    [Theory]
    [InlineData(GlobalRole.User)]
    [InlineData(GlobalRole.ApplicationAdmin)]
    public async Task ChangeRole_AsApplicationAdminToGlobalAdmin_IsRefusedAndChangesNothing(GlobalRole before)
    {
        var adam = await Seed.UserAsync("adam", GlobalRole.ApplicationAdmin);
        var target = await Seed.UserAsync("target", before);

        var result = await Command.ExecuteAsync(As(adam), target.Id, GlobalRole.GlobalAdmin);

        await AssertRefusedAsync(result, CommandStatus.Forbidden, "", "An Application Admin can assign only Application Admin or User.");
        Assert.Equal(before, await RoleOfAsync(target));
    }

    [Fact]
    public async Task ChangeRole_AsApplicationAdminPromotingThemselvesToGlobalAdmin_IsRefused()
    {
        var adam = await Seed.UserAsync("adam", GlobalRole.ApplicationAdmin);

        var result = await Command.ExecuteAsync(As(adam), adam.Id, GlobalRole.GlobalAdmin);

        await AssertRefusedAsync(result, CommandStatus.Forbidden, "", "An Application Admin can assign only Application Admin or User.");
        Assert.Equal(GlobalRole.ApplicationAdmin, await RoleOfAsync(adam));
    }

    [Theory]
    [InlineData(GlobalRole.ApplicationAdmin)]
    [InlineData(GlobalRole.User)]
    public async Task ChangeRole_AsApplicationAdminOnAGlobalAdmin_IsRefusedAndChangesNothing(GlobalRole after)
    {
        var adam = await Seed.UserAsync("adam", GlobalRole.ApplicationAdmin);
        var gina = await Seed.UserAsync("gina", GlobalRole.GlobalAdmin);
        await Seed.UserAsync("gus", GlobalRole.GlobalAdmin);

        var result = await Command.ExecuteAsync(As(adam), gina.Id, after);

        await AssertRefusedAsync(result, CommandStatus.Forbidden, "", "An Application Admin cannot change a Global Admin's role.");
        Assert.Equal(GlobalRole.GlobalAdmin, await RoleOfAsync(gina));
    }

    [Theory]
    [InlineData(GlobalRole.ApplicationAdmin)]
    [InlineData(GlobalRole.GlobalAdmin)]
    public async Task ChangeRole_AsUser_IsRefusedAndChangesNothing(GlobalRole after)
    {
        var uma = await Seed.UserAsync("uma");
        var other = await Seed.UserAsync("other");

        var result = await Command.ExecuteAsync(As(uma), other.Id, after);

        await AssertRefusedAsync(result, CommandStatus.Forbidden, "", "Only Global Admins and Application Admins manage users.");
        Assert.Equal(GlobalRole.User, await RoleOfAsync(other));
    }

    [Fact]
    public async Task ChangeRole_AsUserOnAnUnknownId_IsTheSameRefusalAsOnARealOne()
    {
        var uma = await Seed.UserAsync("uma");

        var result = await Command.ExecuteAsync(As(uma), "no-such-user", GlobalRole.ApplicationAdmin);

        await AssertRefusedAsync(result, CommandStatus.Forbidden, "", "Only Global Admins and Application Admins manage users.");
    }

    [Fact]
    public async Task ChangeRole_ByALockedGlobalAdmin_IsRefused()
    {
        var gina = await Seed.UserAsync("gina", GlobalRole.GlobalAdmin);
        var target = await Seed.UserAsync("target");
        await using (var db = Database.CreateDbContext())
        {
            var stored = await db.Users.FindAsync(gina.Id);
            stored!.LockoutEnd = DateTimeOffset.MaxValue;
            await db.SaveChangesAsync();
        }

        var result = await Command.ExecuteAsync(As(gina), target.Id, GlobalRole.ApplicationAdmin);

        await AssertRefusedAsync(result, CommandStatus.Forbidden, "", "Only Global Admins and Application Admins manage users.");
        Assert.Equal(GlobalRole.User, await RoleOfAsync(target));
    }

    [Fact]
    public async Task ChangeRole_ActorDemotedSinceTheCookieWasIssued_IsDecidedOnTheCurrentRole()
    {
        // The principal is unchanged (as a cookie would be); only the database knows Gina is a User now.
        var gina = await Seed.UserAsync("gina", GlobalRole.GlobalAdmin);
        await Seed.UserAsync("gus", GlobalRole.GlobalAdmin);
        var target = await Seed.UserAsync("target");
        Assert.True((await Command.ExecuteAsync(As(gina), gina.Id, GlobalRole.User)).Succeeded);

        var result = await Command.ExecuteAsync(As(gina), target.Id, GlobalRole.GlobalAdmin);

        Assert.Equal("Only Global Admins and Application Admins manage users.", result.ErrorFor(""));
        Assert.Equal(GlobalRole.User, await RoleOfAsync(target));
    }

    [Theory]
    [InlineData("no-such-user")]
    [InlineData("")]
    [InlineData(null)]
    public async Task ChangeRole_UnknownUser_SaysSoNextToTheUserAndChangesNothing(string? userId)
    {
        var gina = await Seed.UserAsync("gina", GlobalRole.GlobalAdmin);

        var result = await Command.ExecuteAsync(As(gina), userId, GlobalRole.ApplicationAdmin);

        await AssertRefusedAsync(result, CommandStatus.Invalid, Fields.User, "There is no such user.");
    }

    [Fact]
    public async Task ChangeRole_ToARoleThatDoesNotExist_SaysSoNextToTheRoleAndChangesNothing()
    {
        var gina = await Seed.UserAsync("gina", GlobalRole.GlobalAdmin);
        var target = await Seed.UserAsync("target");

        var result = await Command.ExecuteAsync(As(gina), target.Id, (GlobalRole)7);

        await AssertRefusedAsync(result, CommandStatus.Invalid, Fields.Role, "Choose Global Admin, Application Admin or User.");
        Assert.Equal(GlobalRole.User, await RoleOfAsync(target));
    }

    [Fact]
    public async Task ChangeRole_ToTheRoleTheUserAlreadyHas_SaysSoNextToTheRole()
    {
        var gina = await Seed.UserAsync("gina", GlobalRole.GlobalAdmin);
        var target = await Seed.UserAsync("target", GlobalRole.ApplicationAdmin);

        var result = await Command.ExecuteAsync(As(gina), target.Id, GlobalRole.ApplicationAdmin);

        await AssertRefusedAsync(result, CommandStatus.Invalid, Fields.Role, "target is already Application Admin.");
    }

    [Fact]
    public async Task ChangeRole_KeepsTheSecurityStamp_SoThePersonStaysSignedIn()
    {
        var gina = await Seed.UserAsync("gina", GlobalRole.GlobalAdmin);
        var target = await Seed.UserAsync("target");

        await Command.ExecuteAsync(As(gina), target.Id, GlobalRole.ApplicationAdmin);

        var after = await ReloadAsync(target);
        Assert.Equal(target.SecurityStamp, after.SecurityStamp);
        Assert.NotEqual(target.ConcurrencyStamp, after.ConcurrencyStamp);
    }
}
