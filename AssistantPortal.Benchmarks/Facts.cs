using AssistantPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Benchmarks;

/// <summary>
/// What the generated database holds, read back from it (so a reused <c>--data</c> folder works):
/// enough to draw (viewer, assistant) pairs where the viewer is known to have access.
/// </summary>
public sealed class Facts
{
    public required string GlobalAdmin { get; init; }
    /// <summary>Users with the global role User: random viewers must not see everything.</summary>
    public required string[] Users { get; init; }
    public required (int Id, string OwnerId, int? ProjectId)[] Assistants { get; init; }
    public required (int AssistantId, string UserId)[] UserGrants { get; init; }
    public required (int AssistantId, int TeamId)[] TeamGrants { get; init; }
    public required (int AssistantId, int OrganizationId)[] OrganizationGrants { get; init; }
    public required Dictionary<int, string[]> TeamMembers { get; init; }
    public required Dictionary<int, string[]> OrganizationMembers { get; init; }
    public required (int ProjectId, string UserId)[] ProjectUsers { get; init; }
    public required Dictionary<int, int[]> AssistantsOfProject { get; init; }

    public static async Task<Facts> LoadAsync(IDbContextFactory<ApplicationDbContext> factory)
    {
        await using var db = await factory.CreateDbContextAsync();
        var users = await db.Users.Select(u => new { u.Id, u.GlobalRole }).ToListAsync();
        var assistants = await db.Assistants.Select(a => new { a.Id, a.OwnerId, a.ProjectId }).ToListAsync();
        var teamMembers = await db.TeamMembers.Select(m => new { m.TeamId, m.UserId }).ToListAsync();
        var organizationMembers = await db.OrganizationMembers.Select(m => new { m.OrganizationId, m.UserId }).ToListAsync();
        return new Facts
        {
            GlobalAdmin = users.First(u => u.GlobalRole == GlobalRole.GlobalAdmin).Id,
            Users = users.Where(u => u.GlobalRole == GlobalRole.User).Select(u => u.Id).ToArray(),
            Assistants = assistants.Select(a => (a.Id, a.OwnerId, a.ProjectId)).ToArray(),
            UserGrants = (await db.AssistantUserGrants.Select(g => new { g.AssistantId, g.UserId }).ToListAsync())
                .Select(g => (g.AssistantId, g.UserId)).ToArray(),
            TeamGrants = (await db.AssistantTeamGrants.Select(g => new { g.AssistantId, g.TeamId }).ToListAsync())
                .Select(g => (g.AssistantId, g.TeamId)).ToArray(),
            OrganizationGrants = (await db.AssistantOrganizationGrants.Select(g => new { g.AssistantId, g.OrganizationId }).ToListAsync())
                .Select(g => (g.AssistantId, g.OrganizationId)).ToArray(),
            TeamMembers = teamMembers.GroupBy(m => m.TeamId).ToDictionary(g => g.Key, g => g.Select(m => m.UserId).ToArray()),
            OrganizationMembers = organizationMembers.GroupBy(m => m.OrganizationId).ToDictionary(g => g.Key, g => g.Select(m => m.UserId).ToArray()),
            ProjectUsers = (await db.ProjectUserMembers.Select(m => new { m.ProjectId, m.UserId }).ToListAsync())
                .Select(m => (m.ProjectId, m.UserId)).ToArray(),
            AssistantsOfProject = assistants.Where(a => a.ProjectId != null).GroupBy(a => a.ProjectId!.Value)
                .ToDictionary(g => g.Key, g => g.Select(a => a.Id).ToArray()),
        };
    }

    /// <summary>A pair with access through one source, picked evenly: owner, user, team, organization grant, project membership.</summary>
    public (string Viewer, int AssistantId)? DrawAccessPair(Random random)
    {
        switch (random.Next(5))
        {
            case 0:
                var assistant = Assistants[random.Next(Assistants.Length)];
                return (assistant.OwnerId, assistant.Id);
            case 1:
                var userGrant = UserGrants[random.Next(UserGrants.Length)];
                return (userGrant.UserId, userGrant.AssistantId);
            case 2:
                var teamGrant = TeamGrants[random.Next(TeamGrants.Length)];
                return TeamMembers.TryGetValue(teamGrant.TeamId, out var teamMembers)
                    ? (teamMembers[random.Next(teamMembers.Length)], teamGrant.AssistantId) : null;
            case 3:
                var organizationGrant = OrganizationGrants[random.Next(OrganizationGrants.Length)];
                return OrganizationMembers.TryGetValue(organizationGrant.OrganizationId, out var organizationMembers)
                    ? (organizationMembers[random.Next(organizationMembers.Length)], organizationGrant.AssistantId) : null;
            default:
                var member = ProjectUsers[random.Next(ProjectUsers.Length)];
                return AssistantsOfProject.TryGetValue(member.ProjectId, out var projectAssistants)
                    ? (member.UserId, projectAssistants[random.Next(projectAssistants.Length)]) : null;
        }
    }
}
