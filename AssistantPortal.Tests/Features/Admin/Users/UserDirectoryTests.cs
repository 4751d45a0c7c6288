using AssistantPortal.Data;
using AssistantPortal.Features.Admin.Users;

namespace AssistantPortal.Tests.Features.Admin.Users;

/// <summary>The Users list: search, sort and paging by the database, and what each viewer may do to each row.</summary>
public sealed class UserDirectoryTests : UsersTestBase
{
    private UserDirectory Directory => Create<UserDirectory>();

    private static UserListQuery Query(string? search = null, UserSort sort = UserSort.Email, bool descending = false, int page = 0, int size = 25) =>
        new(search, sort, descending, page, size);

    [Fact]
    public async Task Page_AsUser_IsNull()
    {
        var uma = await Seed.UserAsync("uma");

        Assert.Null(await Directory.PageAsync(As(uma), Query()));
    }

    [Fact]
    public async Task Page_SearchesEmailAndUserNameCaseInsensitively()
    {
        var gina = await Seed.UserAsync("gina", GlobalRole.GlobalAdmin);
        await Seed.UserAsync("marta");
        await Seed.UserAsync("martin");
        await Seed.UserAsync("bob");

        var page = await Directory.PageAsync(As(gina), Query(" MART "));

        Assert.Equal(["marta@example.test", "martin@example.test"], page!.Rows.Select(r => r.Email));
        Assert.Equal(2, page.TotalCount);
    }

    [Fact]
    public async Task Page_SortsAndPagesInTheDatabase()
    {
        var gina = await Seed.UserAsync("gina", GlobalRole.GlobalAdmin);
        foreach (var name in new[] { "dora", "alma", "cleo", "bea", "eve" })
        {
            await Seed.UserAsync(name);
        }

        var second = await Directory.PageAsync(As(gina), Query(sort: UserSort.UserName, page: 1, size: 2));
        var descending = await Directory.PageAsync(As(gina), Query(sort: UserSort.Email, descending: true, size: 3));
        var byRole = await Directory.PageAsync(As(gina), Query(sort: UserSort.Role, descending: true, size: 1));

        Assert.Equal(["cleo", "dora"], second!.Rows.Select(r => r.UserName));
        Assert.Equal(6, second.TotalCount);
        Assert.Equal(["gina", "eve", "dora"], descending!.Rows.Select(r => r.UserName));
        Assert.Equal(["gina"], byRole!.Rows.Select(r => r.UserName));
    }

    [Fact]
    public async Task Page_AsGlobalAdmin_OffersEveryRoleToNonGlobalAdminsAndNothingOnAnotherGlobalAdmin()
    {
        var gina = await Seed.UserAsync("gina", GlobalRole.GlobalAdmin);
        await Seed.UserAsync("gus", GlobalRole.GlobalAdmin);
        await Seed.UserAsync("adam", GlobalRole.ApplicationAdmin);
        await Seed.UserAsync("uma");

        var rows = (await Directory.PageAsync(As(gina), Query()))!.Rows.ToDictionary(r => r.UserName);

        Assert.Equal([GlobalRole.GlobalAdmin, GlobalRole.User], rows["adam"].RoleChoices);
        Assert.Equal([GlobalRole.GlobalAdmin, GlobalRole.ApplicationAdmin], rows["uma"].RoleChoices);
        Assert.Empty(rows["gus"].RoleChoices);
        Assert.Equal([GlobalRole.ApplicationAdmin, GlobalRole.User], rows["gina"].RoleChoices);
        Assert.True(rows["gina"].IsSelf);
        Assert.Equal((false, true, true), (rows["gus"].CanLock, rows["adam"].CanLock, rows["uma"].CanLock));
        Assert.False(rows["gina"].CanLock);
    }

    [Fact]
    public async Task Page_AsTheLastGlobalAdmin_OffersNoWayToStepDown()
    {
        var gina = await Seed.UserAsync("gina", GlobalRole.GlobalAdmin);

        var row = Assert.Single((await Directory.PageAsync(As(gina), Query()))!.Rows);

        Assert.Empty(row.RoleChoices);
    }

    [Fact]
    public async Task Page_AsApplicationAdmin_OffersOnlyApplicationAdminOrUserAndNothingOnGlobalAdmins()
    {
        var adam = await Seed.UserAsync("adam", GlobalRole.ApplicationAdmin);
        await Seed.UserAsync("gina", GlobalRole.GlobalAdmin);
        await Seed.UserAsync("alex", GlobalRole.ApplicationAdmin);
        await Seed.UserAsync("uma");

        var rows = (await Directory.PageAsync(As(adam), Query()))!.Rows.ToDictionary(r => r.UserName);

        Assert.Empty(rows["gina"].RoleChoices);
        Assert.False(rows["gina"].CanLock);
        Assert.Equal([GlobalRole.User], rows["alex"].RoleChoices);
        Assert.True(rows["alex"].CanLock);
        Assert.Equal([GlobalRole.ApplicationAdmin], rows["uma"].RoleChoices);
        Assert.Equal([GlobalRole.User], rows["adam"].RoleChoices);
    }

    [Fact]
    public async Task Page_ShowsLockedAccountsWithTheUnlockChoice()
    {
        var gina = await Seed.UserAsync("gina", GlobalRole.GlobalAdmin);
        var uma = await Seed.UserAsync("uma");
        Assert.True((await Create<LockUser>().ExecuteAsync(As(gina), uma.Id)).Succeeded);

        var row = (await Directory.PageAsync(As(gina), Query("uma")))!.Rows.Single();

        Assert.True(row.IsLockedIndefinitely);
        Assert.False(row.CanLock);
        Assert.True(row.CanUnlock);
    }
}
