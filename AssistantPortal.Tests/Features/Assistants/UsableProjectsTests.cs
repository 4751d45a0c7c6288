using AssistantPortal.Data;
using AssistantPortal.Features.Assistants;
using AssistantPortal.Tests.Infrastructure;
using Microsoft.Extensions.DependencyInjection;
using static AssistantPortal.Tests.Features.Assistants.AssistantTestServices;

namespace AssistantPortal.Tests.Features.Assistants;

public sealed class UsableProjectsTests : IAsyncDisposable
{
    private readonly TestDatabase _database = new();
    private readonly Seed _seed;
    private readonly ServiceProvider _services;

    public UsableProjectsTests()
    {
        _seed = new Seed(_database);
        _services = Build(_database);
    }

    public async ValueTask DisposeAsync()
    {
        await _services.DisposeAsync();
        await _database.DisposeAsync();
    }

    private async Task<string[]> NamesAsync(ApplicationUser user) =>
        (await _services.GetRequiredService<UsableProjects>().ListAsync(Principal(user))).Select(p => p.Name).ToArray();

    [Fact]
    public async Task List_OffersExactlyTheProjectsTheUserIsInDirectlyOrThroughATeam()
    {
        var ana = await _seed.UserAsync("ana");
        var organization = await _seed.OrganizationAsync("Acme", (ana, OrganizationRole.Member));
        var support = await _seed.TeamAsync(organization, "Support", (ana, TeamRole.Viewer));
        var owned = await _seed.TeamAsync(organization, "Owned", (ana, TeamRole.Owner));
        var asMember = await _seed.ProjectAsync(organization, "A member");
        var asAdmin = await _seed.ProjectAsync(organization, "B admin");
        var throughTeam = await _seed.ProjectAsync(organization, "C through team");
        await _seed.ProjectAsync(organization, "D of owned team", owned);
        await _seed.ProjectAsync(organization, "E not mine");
        await _seed.ProjectAsync(organization, "F of team I only view", support);
        await _seed.AddToProjectAsync(asMember, ana, ProjectRole.Member);
        await _seed.AddToProjectAsync(asAdmin, ana, ProjectRole.Admin);
        await _seed.AddToProjectAsync(throughTeam, support, ProjectRole.Member);

        Assert.Equal(["A member", "B admin", "C through team", "D of owned team"], await NamesAsync(ana));
    }

    [Fact]
    public async Task List_ForAnOrganizationMemberOutsideEveryProject_IsEmpty()
    {
        var ana = await _seed.UserAsync("ana");
        var organization = await _seed.OrganizationAsync("Acme", (ana, OrganizationRole.Admin));
        await _seed.ProjectAsync(organization, "Helpdesk");

        Assert.Empty(await NamesAsync(ana));
    }

    [Fact]
    public async Task List_ForAGlobalAdmin_OffersEveryProject()
    {
        var admin = await _seed.UserAsync("root", GlobalRole.GlobalAdmin);
        var organization = await _seed.OrganizationAsync("Acme");
        await _seed.ProjectAsync(organization, "Helpdesk");
        await _seed.ProjectAsync(organization, "Sales");

        Assert.Equal(["Helpdesk", "Sales"], await NamesAsync(admin));
    }
}
