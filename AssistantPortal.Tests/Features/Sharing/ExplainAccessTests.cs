using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Sharing;

namespace AssistantPortal.Tests.Features.Sharing;

public sealed class ExplainAccessTests : SharingFixture
{
    [Fact]
    public async Task Explain_AUserWithTwoSources_ListsEachWithItsPathAndTheMaximum()
    {
        var owner = await Seed.UserAsync("olivia");
        var bob = await Seed.UserAsync("bob");
        var contoso = await Seed.OrganizationAsync("Contoso");
        var support = await Seed.TeamAsync(contoso, "Support", (bob, TeamRole.Viewer));
        var assistant = await Seed.AssistantAsync(owner);
        await Seed.GrantAsync(assistant, bob, AccessLevel.UseOnly, by: owner);
        await Seed.GrantAsync(assistant, support, AccessLevel.ReadWrite, by: owner);

        var (explanation, error) = await Get<ExplainAccess>().ExecuteAsync(As(owner), assistant.Id, "bob");

        Assert.Null(error);
        Assert.Equal(AccessLevel.ReadWrite, explanation!.Access.Level);
        var lines = explanation.Access.Sources.Select(s => s.Describe()).ToList();
        Assert.Contains("Read and write — through team \"Support\" (granted by olivia on 2026-11-02)", lines);
        Assert.Contains("Use only — shared directly (granted by olivia on 2026-11-02)", lines);
    }

    [Fact]
    public async Task Explain_UnknownUser_AnswersWithAMessage()
    {
        var owner = await Seed.UserAsync("olivia");
        var assistant = await Seed.AssistantAsync(owner);

        var (explanation, error) = await Get<ExplainAccess>().ExecuteAsync(As(owner), assistant.Id, "ghost");

        Assert.Null(explanation);
        Assert.Equal("There is no user named \"ghost\".", error);
    }

    [Fact]
    public async Task Explain_AsUseOnlyViewer_IsNotFound()
    {
        var owner = await Seed.UserAsync("olivia");
        var user = await Seed.UserAsync("una");
        var assistant = await Seed.AssistantAsync(owner);
        await Seed.GrantAsync(assistant, user, AccessLevel.UseOnly);

        await Assert.ThrowsAsync<AssistantNotFoundException>(() => Get<ExplainAccess>().ExecuteAsync(As(user), assistant.Id, "olivia"));
    }
}
