using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Organizations;

/// <summary>
/// Adds a user to a team as Team Owner or Team Viewer. A decision: the user must already be a member
/// of the team's organization (a team is a group inside one organization, SPEC §1), so a Team Owner
/// cannot widen who belongs to the organization.
/// </summary>
public sealed class AddTeamMember(
    IDbContextFactory<ApplicationDbContext> dbFactory, IAuditLog audit, IAccessChangeEvents accessEvents, TimeProvider clock)
    : TeamCommand(dbFactory, audit, accessEvents, clock)
{
    public async Task<CommandResult> ExecuteAsync(ClaimsPrincipal principal, int teamId, string? userName, TeamRole role = TeamRole.Viewer)
    {
        await using var db = await CreateDbContextAsync();
        var (loaded, refusal) = await LoadAsync(db, principal, teamId);
        if (loaded is null)
        {
            return refusal!;
        }
        if (!Enum.IsDefined(role))
        {
            return BadRole();
        }
        var user = await FindUserAsync(db, userName);
        if (user is null)
        {
            return UnknownUser(userName);
        }
        if (!await db.OrganizationMembers.AnyAsync(m => m.OrganizationId == loaded.Team.OrganizationId && m.UserId == user.Id))
        {
            return CommandResult.Invalid(Fields.User,
                $"{user.UserName} is not a member of {loaded.Team.Organization.Name}; add them to the organization first.");
        }
        var duplicate = CommandResult.Invalid(Fields.User, $"{user.UserName} is already in {loaded.Team.Name}.");
        if (await db.TeamMembers.AnyAsync(m => m.TeamId == teamId && m.UserId == user.Id))
        {
            return duplicate;
        }
        db.TeamMembers.Add(new TeamMember { TeamId = teamId, UserId = user.Id, Role = role });
        Audit(db, loaded.Actor, loaded.Target, $"{user.UserName} added as {role.DisplayName()}");
        return await SaveAsync(db, membershipChanged: true, duplicate, () => CommandResult.Ok());
    }
}
