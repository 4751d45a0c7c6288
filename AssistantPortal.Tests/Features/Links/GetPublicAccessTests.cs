using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Links;
using static AssistantPortal.Tests.Features.KeysAndLinksServices;

namespace AssistantPortal.Tests.Features.Links;

public sealed class GetPublicAccessTests : UseCaseTestBase
{
    [Theory]
    [InlineData(AccessLevel.ReadOnly, false, false)]
    [InlineData(AccessLevel.ReadWrite, true, false)]
    public async Task GetPublicAccess_SendsATokenOnlyToViewersWhoMayHandItOut(AccessLevel level, bool seesView, bool seesEdit)
    {
        var owner = await Seed.UserAsync("olga");
        var viewer = await Seed.UserAsync("vic");
        var assistant = await Seed.AssistantAsync(owner, publicAccess: PublicAccess.Everyone);
        await Seed.GrantAsync(assistant, viewer, level);
        var view = await Get<ResetViewLink>().ExecuteAsync(Principal(owner), assistant.Id);
        var edit = await Get<ResetEditLink>().ExecuteAsync(Principal(owner), assistant.Id);

        var state = await Get<GetPublicAccess>().ExecuteAsync(Principal(viewer), assistant.Id);

        Assert.Equal(PublicAccess.Everyone, state.PublicAccess);
        Assert.True(state.ViewLinkHandedOut);
        Assert.True(state.EditLinkHandedOut);
        Assert.Equal(seesView ? view : null, state.ViewLinkToken);
        Assert.Equal(seesEdit ? edit : null, state.EditLinkToken);
    }

    [Fact]
    public async Task GetPublicAccess_AsOwner_SendsBothTokensAndTheTeam()
    {
        var owner = await Seed.UserAsync("olga");
        var organization = await Seed.OrganizationAsync("Acme");
        var team = await Seed.TeamAsync(organization, "Support");
        var project = await Seed.ProjectAsync(organization, "Helpdesk", team);
        var assistant = await Seed.AssistantAsync(owner, project: project);
        var view = await Get<ResetViewLink>().ExecuteAsync(Principal(owner), assistant.Id);
        var edit = await Get<ResetEditLink>().ExecuteAsync(Principal(owner), assistant.Id);

        var state = await Get<GetPublicAccess>().ExecuteAsync(Principal(owner), assistant.Id);

        Assert.Equal(view, state.ViewLinkToken);
        Assert.Equal(edit, state.EditLinkToken);
        Assert.True(state.IsWithinTeam);
        Assert.Equal("Support", state.TeamName);
    }

    [Fact]
    public async Task GetPublicAccess_AsUseOnly_IsNotFound()
    {
        var owner = await Seed.UserAsync("olga");
        var user = await Seed.UserAsync("uma");
        var assistant = await Seed.AssistantAsync(owner);
        await Seed.GrantAsync(assistant, user, AccessLevel.UseOnly);

        await Assert.ThrowsAsync<AssistantNotFoundException>(() => Get<GetPublicAccess>().ExecuteAsync(Principal(user), assistant.Id));
    }
}
