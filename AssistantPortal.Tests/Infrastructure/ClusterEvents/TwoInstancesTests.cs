using System.Collections.Concurrent;
using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Admin.Users;
using AssistantPortal.Features.Notifications;
using AssistantPortal.Features.Sharing;
using AssistantPortal.Infrastructure.ClusterEvents;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantPortal.Tests.Infrastructure.ClusterEvents;

/// <summary>
/// Two instances of the whole app configured for PostgreSQL, as an operator would run them behind a load balancer
/// (Database:Provider and one connection string): what one does reaches the other's open tabs, and the key ring is
/// shared, so a cookie or a stored key protected by one is readable by the other.
/// </summary>
public sealed class TwoInstancesTests : IAsyncLifetime
{
    private readonly string _database = PostgresTemplates.CreateCopy();
    private AppFactory _a = null!;
    private AppFactory _b = null!;

    public async Task InitializeAsync()
    {
        _a = Instance(TestPostgres.ConnectionString(_database));
        _b = Instance(TestPostgres.ConnectionString(_database));
        var relays = new[] { _a, _b }.Select(app => app.Services.GetRequiredService<PostgreSqlEventRelay>()).ToArray();
        await Eventually.UntilAsync(() => relays.All(r => r.IsListening), "both instances listen");
    }

    public Task DisposeAsync()
    {
        _a.Dispose();
        _b.Dispose();
        PostgresTemplates.Drop(_database);
        return Task.CompletedTask;
    }

    [Fact]
    public async Task Share_OnOneInstance_ReachesTheOtherInstancesNotificationsAndOpenAccessTabs()
    {
        var ana = await _a.CreateUserAsync("ana@example.test");
        var bob = await _a.CreateUserAsync("bob@example.test");
        var assistantId = await AssistantAsync(ana);
        var notified = new ConcurrentBag<string>();
        var accessChanged = new ConcurrentBag<int?>();
        _b.Services.GetRequiredService<INotificationEvents>().Changed += ids => { foreach (var id in ids) notified.Add(id); };
        _b.Services.GetRequiredService<IAccessChangeEvents>().Changed += id => accessChanged.Add(id);

        await using (var scope = _a.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<ShareWithUser>()
                .ExecuteAsync(Principal(ana), assistantId, "bob@example.test", AccessLevel.ReadOnly);
            Assert.True(result.Succeeded);
        }

        await Eventually.UntilAsync(() => notified.Contains(bob.Id), "bob's notification badge on the other instance is told");
        await Eventually.UntilAsync(() => accessChanged.Contains(assistantId), "open tabs of the assistant on the other instance are told");
    }

    [Fact]
    public async Task RoleChange_OnOneInstance_ReachesTheOtherInstancesOpenTabsOfThatPerson()
    {
        var ana = await _a.CreateUserAsync("ana@example.test");
        var bob = await _a.CreateUserAsync("bob@example.test");
        var changed = new ConcurrentBag<string>();
        _b.Services.GetRequiredService<IUserSessionEvents>().UserChanged += changed.Add;

        await using (var scope = _a.Services.CreateAsyncScope())
        {
            var result = await scope.ServiceProvider.GetRequiredService<ChangeGlobalRole>()
                .ExecuteAsync(Principal(ana), bob.Id, GlobalRole.ApplicationAdmin);
            Assert.True(result.Succeeded);
        }

        await Eventually.UntilAsync(() => changed.Contains(bob.Id), "bob's open tabs on the other instance are told");
    }

    [Fact]
    public void KeyRing_IsShared_WhatOneInstanceProtectsTheOtherReads()
    {
        var secret = _a.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("sk-secret");

        Assert.Equal("sk-secret", _b.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(secret));
    }

    private async Task<int> AssistantAsync(ApplicationUser owner)
    {
        await using var db = _a.CreateDbContext();
        var assistant = new Assistant { Name = "Helper", OwnerId = owner.Id, CreatedAt = DateTime.UtcNow, UpdatedAt = DateTime.UtcNow };
        db.Assistants.Add(assistant);
        await db.SaveChangesAsync();
        return assistant.Id;
    }

    private static ClaimsPrincipal Principal(ApplicationUser user) =>
        new(new ClaimsIdentity([new Claim(ClaimTypes.NameIdentifier, user.Id), new Claim(ClaimTypes.Name, user.UserName!)], "Test"));

    /// <summary>One instance: its own data folder, the shared PostgreSQL database.</summary>
    private static AppFactory Instance(string connectionString) => new()
    {
        Settings = { ["Database:Provider"] = "PostgreSql", ["ConnectionStrings:DefaultConnection"] = connectionString },
    };
}
