using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Organizations;

/// <summary>
/// Adds a team to a project as Member or Admin: every member of the team gets that project role
/// (SPEC §2.1 rows 8–9). The team is named within the project's organization, ignoring case.
/// </summary>
public sealed class AddProjectTeam(
    IDbContextFactory<ApplicationDbContext> dbFactory, IAuditLog audit, IAccessChangeEvents accessEvents, TimeProvider clock)
    : ProjectCommand(dbFactory, audit, accessEvents, clock)
{
    public async Task<CommandResult> ExecuteAsync(ClaimsPrincipal principal, int projectId, string? teamName, ProjectRole role)
    {
        await using var db = await CreateDbContextAsync();
        var (loaded, refusal) = await LoadAsync(db, principal, projectId);
        if (loaded is null)
        {
            return refusal!;
        }
        if (!Enum.IsDefined(role))
        {
            return BadRole();
        }
        var trimmed = teamName?.Trim() ?? "";
        var team = trimmed.Length == 0 ? null
            : await db.Teams.FirstOrDefaultAsync(t => t.OrganizationId == loaded.Project.OrganizationId && t.Name.ToUpper() == trimmed.ToUpper());
        if (team is null)
        {
            return CommandResult.Invalid(Fields.Team, trimmed.Length == 0
                ? "Choose a team."
                : $"There is no team \"{trimmed}\" in {loaded.Project.Organization.Name}.");
        }
        var duplicate = CommandResult.Invalid(Fields.Team, $"Team {team.Name} is already in {loaded.Project.Name}.");
        if (await db.ProjectTeamMembers.AnyAsync(m => m.ProjectId == projectId && m.TeamId == team.Id))
        {
            return duplicate;
        }
        db.ProjectTeamMembers.Add(new ProjectTeamMember { ProjectId = projectId, TeamId = team.Id, Role = role });
        Audit(db, loaded.Actor, loaded.Target, $"team {team.Name} added as {role.DisplayName()}");
        return await SaveAsync(db, membershipChanged: true, duplicate, () => CommandResult.Ok());
    }
}
