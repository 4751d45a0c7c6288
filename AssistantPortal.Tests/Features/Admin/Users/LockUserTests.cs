using AssistantPortal.Data;
using AssistantPortal.Features.Admin.Users;
using AssistantPortal.Features.Organizations;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Tests.Features.Admin.Users;

/// <summary>
/// Locking and unlocking accounts (SPEC §3, §9; the decision by analogy is on <c>GlobalRoles.CanLock</c>): whoever
/// may change a user's role may lock them; nobody locks a Global Admin or themselves.
/// </summary>
public sealed class LockUserTests : UsersTestBase
{
    private LockUser Lock => Create<LockUser>();

    private UnlockUser Unlock => Create<UnlockUser>();

    [Theory]
    [InlineData(GlobalRole.GlobalAdmin, GlobalRole.User)]
    [InlineData(GlobalRole.GlobalAdmin, GlobalRole.ApplicationAdmin)]
    [InlineData(GlobalRole.ApplicationAdmin, GlobalRole.User)]
    [InlineData(GlobalRole.ApplicationAdmin, GlobalRole.ApplicationAdmin)]
    public async Task Lock_AsAdminOnANonGlobalAdmin_LocksUntilUnlockedAndEndsTheirSessions(GlobalRole actorRole, GlobalRole targetRole)
    {
        var actor = await Seed.UserAsync("actor", actorRole);
        var target = await Seed.UserAsync("target", targetRole);

        var result = await Lock.ExecuteAsync(As(actor), target.Id);

        Assert.True(result.Succeeded);
        var after = await ReloadAsync(target);
        Assert.Equal(DateTimeOffset.MaxValue, after.LockoutEnd);
        Assert.True(after.LockoutEnabled);
        Assert.NotEqual(target.SecurityStamp, after.SecurityStamp);
        var entry = Assert.Single(await AuditAsync());
        Assert.Equal((AuditAction.UserLocked, "actor", "target"), (entry.Action, entry.ActorName, entry.Target));
        Assert.Equal([target.Id], Sessions.Changed);
    }

    [Theory]
    [InlineData(GlobalRole.GlobalAdmin)]
    [InlineData(GlobalRole.ApplicationAdmin)]
    public async Task Lock_AGlobalAdmin_IsRefusedAndChangesNothing(GlobalRole actorRole)
    {
        var actor = await Seed.UserAsync("actor", actorRole);
        var gina = await Seed.UserAsync("gina", GlobalRole.GlobalAdmin);

        var result = await Lock.ExecuteAsync(As(actor), gina.Id);

        await AssertRefusedAsync(result, CommandStatus.Forbidden, "", "A Global Admin cannot be locked.");
        Assert.Null((await ReloadAsync(gina)).LockoutEnd);
    }

    [Theory]
    [InlineData(GlobalRole.GlobalAdmin)]
    [InlineData(GlobalRole.ApplicationAdmin)]
    public async Task Lock_Themselves_IsRefusedAndChangesNothing(GlobalRole role)
    {
        var actor = await Seed.UserAsync("actor", role);

        var result = await Lock.ExecuteAsync(As(actor), actor.Id);

        await AssertRefusedAsync(result, CommandStatus.Forbidden, "", "You cannot lock your own account.");
        Assert.Null((await ReloadAsync(actor)).LockoutEnd);
    }

    [Fact]
    public async Task Lock_AsUser_IsRefusedAndChangesNothing()
    {
        var uma = await Seed.UserAsync("uma");
        var other = await Seed.UserAsync("other");

        var result = await Lock.ExecuteAsync(As(uma), other.Id);

        await AssertRefusedAsync(result, CommandStatus.Forbidden, "", "Only Global Admins and Application Admins manage users.");
        Assert.Null((await ReloadAsync(other)).LockoutEnd);
    }

    [Fact]
    public async Task Lock_AnAlreadyLockedAccount_SaysSo()
    {
        var gina = await Seed.UserAsync("gina", GlobalRole.GlobalAdmin);
        var target = await Seed.UserAsync("target");
        Assert.True((await Lock.ExecuteAsync(As(gina), target.Id)).Succeeded);
        await using (var db = Database.CreateDbContext())
        {
            await db.AuditEntries.ExecuteDeleteAsync();
        }

        var result = await Lock.ExecuteAsync(As(gina), target.Id);

        Assert.Equal(CommandStatus.Invalid, result.Status);
        Assert.Equal("target is already locked.", result.ErrorFor(Fields.User));
        Assert.Empty(await AuditAsync());
        Assert.Single(Sessions.Changed);
    }

    [Fact]
    public async Task Lock_UnknownUser_SaysSoNextToTheUser()
    {
        var gina = await Seed.UserAsync("gina", GlobalRole.GlobalAdmin);

        var result = await Lock.ExecuteAsync(As(gina), "no-such-user");

        await AssertRefusedAsync(result, CommandStatus.Invalid, Fields.User, "There is no such user.");
    }

    [Theory]
    [InlineData(GlobalRole.GlobalAdmin, GlobalRole.User)]
    [InlineData(GlobalRole.ApplicationAdmin, GlobalRole.ApplicationAdmin)]
    public async Task Unlock_ALockedAccount_UnlocksAndForgetsFailedSignIns(GlobalRole actorRole, GlobalRole targetRole)
    {
        var actor = await Seed.UserAsync("actor", actorRole);
        var target = await Seed.UserAsync("target", targetRole);
        Assert.True((await Lock.ExecuteAsync(As(actor), target.Id)).Succeeded);

        var result = await Unlock.ExecuteAsync(As(actor), target.Id);

        Assert.True(result.Succeeded);
        var after = await ReloadAsync(target);
        Assert.Null(after.LockoutEnd);
        Assert.Equal(0, after.AccessFailedCount);
        Assert.Equal([AuditAction.UserLocked, AuditAction.UserUnlocked], (await AuditAsync()).Select(e => e.Action));
    }

    [Fact]
    public async Task Unlock_AGlobalAdminLockedByFailedSignIns_AsGlobalAdminSucceeds_AsApplicationAdminIsRefused()
    {
        var gina = await Seed.UserAsync("gina", GlobalRole.GlobalAdmin);
        var adam = await Seed.UserAsync("adam", GlobalRole.ApplicationAdmin);
        var gus = await Seed.UserAsync("gus", GlobalRole.GlobalAdmin);
        await using (var db = Database.CreateDbContext())
        {
            var stored = await db.Users.FindAsync(gus.Id);
            stored!.LockoutEnd = DateTimeOffset.UtcNow.AddMinutes(5);
            stored.AccessFailedCount = 5;
            await db.SaveChangesAsync();
        }

        var refused = await Unlock.ExecuteAsync(As(adam), gus.Id);
        Assert.Equal("An Application Admin cannot unlock a Global Admin.", refused.ErrorFor(""));
        Assert.NotNull((await ReloadAsync(gus)).LockoutEnd);

        var result = await Unlock.ExecuteAsync(As(gina), gus.Id);

        Assert.True(result.Succeeded);
        Assert.Null((await ReloadAsync(gus)).LockoutEnd);
    }

    [Fact]
    public async Task Unlock_AnAccountThatIsNotLocked_SaysSo()
    {
        var gina = await Seed.UserAsync("gina", GlobalRole.GlobalAdmin);
        var target = await Seed.UserAsync("target");

        var result = await Unlock.ExecuteAsync(As(gina), target.Id);

        await AssertRefusedAsync(result, CommandStatus.Invalid, Fields.User, "target is not locked.");
    }

    [Fact]
    public async Task Unlock_AsUser_IsRefused()
    {
        var gina = await Seed.UserAsync("gina", GlobalRole.GlobalAdmin);
        var uma = await Seed.UserAsync("uma");
        var target = await Seed.UserAsync("target");
        Assert.True((await Lock.ExecuteAsync(As(gina), target.Id)).Succeeded);

        var result = await Unlock.ExecuteAsync(As(uma), target.Id);

        Assert.Equal("Only Global Admins and Application Admins manage users.", result.ErrorFor(""));
        Assert.Equal(DateTimeOffset.MaxValue, (await ReloadAsync(target)).LockoutEnd);
    }
}
