using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Links;
using Microsoft.EntityFrameworkCore;
using static AssistantPortal.Tests.Features.KeysAndLinksServices;

namespace AssistantPortal.Tests.Features.Links;

public sealed class SetPublicAccessTests : UseCaseTestBase
{
    [Fact]
    public async Task SetPublicAccess_AsReadWriteToEveryoneSignedIn_ChangesAuditsAndAnnounces()
    {
        var owner = await Seed.UserAsync("olga");
        var editor = await Seed.UserAsync("ed");
        var assistant = await Seed.AssistantAsync(owner, "Helpdesk");
        await Seed.GrantAsync(assistant, editor, AccessLevel.ReadWrite);

        var result = await Get<SetPublicAccess>().ExecuteAsync(Principal(editor), assistant.Id, PublicAccess.EveryoneSignedIn);

        Assert.True(result.Succeeded);
        Assert.Equal(PublicAccess.EveryoneSignedIn, await StoredAsync(assistant.Id));
        await using var db = Database.CreateDbContext();
        var entry = await db.AuditEntries.SingleAsync();
        Assert.Equal(AuditAction.PublicAccessChanged, entry.Action);
        Assert.Equal("ed", entry.ActorName);
        Assert.Equal("Helpdesk", entry.AssistantName);
        Assert.Equal("Not accessible → Everyone signed in", entry.Details);
        Assert.Equal([assistant.Id], Events.Published);
    }

    [Fact]
    public async Task SetPublicAccess_AsReadWriteToEveryone_IsRefusedAndNothingChanges()
    {
        var owner = await Seed.UserAsync("olga");
        var editor = await Seed.UserAsync("ed");
        var assistant = await Seed.AssistantAsync(owner);
        await Seed.GrantAsync(assistant, editor, AccessLevel.ReadWrite);

        await Assert.ThrowsAsync<AssistantNotFoundException>(() =>
            Get<SetPublicAccess>().ExecuteAsync(Principal(editor), assistant.Id, PublicAccess.Everyone));

        Assert.Equal(PublicAccess.NotAccessible, await StoredAsync(assistant.Id));
        Assert.Empty(Events.Published);
        await using var db = Database.CreateDbContext();
        Assert.Equal(0, await db.AuditEntries.CountAsync());
    }

    [Fact]
    public async Task SetPublicAccess_AsReadWriteAwayFromEveryone_IsAllowed()
    {
        var owner = await Seed.UserAsync("olga");
        var editor = await Seed.UserAsync("ed");
        var assistant = await Seed.AssistantAsync(owner, publicAccess: PublicAccess.Everyone);
        await Seed.GrantAsync(assistant, editor, AccessLevel.ReadWrite);

        var result = await Get<SetPublicAccess>().ExecuteAsync(Principal(editor), assistant.Id, PublicAccess.NotAccessible);

        Assert.True(result.Succeeded);
        Assert.Equal(PublicAccess.NotAccessible, await StoredAsync(assistant.Id));
    }

    [Fact]
    public async Task SetPublicAccess_AsOwnerToEveryone_Changes()
    {
        var owner = await Seed.UserAsync("olga");
        var assistant = await Seed.AssistantAsync(owner);

        var result = await Get<SetPublicAccess>().ExecuteAsync(Principal(owner), assistant.Id, PublicAccess.Everyone);

        Assert.True(result.Succeeded);
        Assert.Equal(PublicAccess.Everyone, await StoredAsync(assistant.Id));
    }

    [Fact]
    public async Task SetPublicAccess_ToTeamWithoutATeam_IsRefusedAndNothingChanges()
    {
        var owner = await Seed.UserAsync("olga");
        var organization = await Seed.OrganizationAsync("Acme");
        var project = await Seed.ProjectAsync(organization, "No team here");
        var assistant = await Seed.AssistantAsync(owner, project: project);

        var result = await Get<SetPublicAccess>().ExecuteAsync(Principal(owner), assistant.Id, PublicAccess.Team);

        Assert.False(result.Succeeded);
        Assert.Equal("Team is available only for an assistant in a team's project.", result.Error);
        Assert.Equal(PublicAccess.NotAccessible, await StoredAsync(assistant.Id));
        Assert.Empty(Events.Published);
    }

    [Fact]
    public async Task SetPublicAccess_ToTeamWithinATeam_GivesTeamViewersUseOnly()
    {
        var owner = await Seed.UserAsync("olga");
        var viewer = await Seed.UserAsync("tim");
        var organization = await Seed.OrganizationAsync("Acme");
        var team = await Seed.TeamAsync(organization, "Support", (viewer, TeamRole.Viewer));
        var project = await Seed.ProjectAsync(organization, "Helpdesk", team);
        var assistant = await Seed.AssistantAsync(owner, project: project);
        var resolver = new AccessResolver(Database);
        Assert.Equal(AccessLevel.None, (await resolver.ResolveAsync(new Viewer(viewer.Id), assistant.Id)).Level);

        var result = await Get<SetPublicAccess>().ExecuteAsync(Principal(owner), assistant.Id, PublicAccess.Team);

        Assert.True(result.Succeeded);
        Assert.Equal(AccessLevel.UseOnly, (await resolver.ResolveAsync(new Viewer(viewer.Id), assistant.Id)).Level);
    }

    [Fact]
    public async Task SetPublicAccess_AsReadOnly_IsNotFound()
    {
        var owner = await Seed.UserAsync("olga");
        var reader = await Seed.UserAsync("rita");
        var assistant = await Seed.AssistantAsync(owner);
        await Seed.GrantAsync(assistant, reader, AccessLevel.ReadOnly);

        await Assert.ThrowsAsync<AssistantNotFoundException>(() =>
            Get<SetPublicAccess>().ExecuteAsync(Principal(reader), assistant.Id, PublicAccess.EveryoneSignedIn));

        Assert.Equal(PublicAccess.NotAccessible, await StoredAsync(assistant.Id));
    }

    [Fact]
    public async Task SetPublicAccess_ToAnUndefinedOption_IsRefused()
    {
        var owner = await Seed.UserAsync("olga");
        var assistant = await Seed.AssistantAsync(owner);

        var result = await Get<SetPublicAccess>().ExecuteAsync(Principal(owner), assistant.Id, (PublicAccess)7);

        Assert.False(result.Succeeded);
        Assert.Equal(PublicAccess.NotAccessible, await StoredAsync(assistant.Id));
    }

    [Fact]
    public async Task SetPublicAccess_ToTheCurrentOption_RecordsNothing()
    {
        var owner = await Seed.UserAsync("olga");
        var assistant = await Seed.AssistantAsync(owner, publicAccess: PublicAccess.EveryoneSignedIn);

        var result = await Get<SetPublicAccess>().ExecuteAsync(Principal(owner), assistant.Id, PublicAccess.EveryoneSignedIn);

        Assert.True(result.Succeeded);
        Assert.Empty(Events.Published);
        await using var db = Database.CreateDbContext();
        Assert.Equal(0, await db.AuditEntries.CountAsync());
    }

    private async Task<PublicAccess> StoredAsync(int assistantId)
    {
        await using var db = Database.CreateDbContext();
        return await db.Assistants.Where(a => a.Id == assistantId).Select(a => a.PublicAccess).SingleAsync();
    }
}
