using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Organizations;

/// <summary>
/// The shared first steps of the team-member commands: the actor, the team (not found when the actor
/// cannot see it) and whether the actor may manage its members (SPEC §3).
/// </summary>
public abstract class TeamCommand(
    IDbContextFactory<ApplicationDbContext> dbFactory, IAuditLog audit, IAccessChangeEvents accessEvents, TimeProvider clock)
    : MembershipCommand(dbFactory, audit, accessEvents, clock)
{
    protected sealed record Loaded(Actor Actor, Team Team)
    {
        public string Target => $"team {Team.Name} ({Team.Organization.Name})";
    }

    /// <summary>The actor and team, or the result to return at once.</summary>
    protected static async Task<(Loaded? Loaded, CommandResult? Refusal)> LoadAsync(ApplicationDbContext db, ClaimsPrincipal principal, int teamId)
    {
        var actor = await ActorAsync(db, principal);
        var team = actor is null ? null
            : await MembershipPermissions.VisibleTeams(db, actor).Include(t => t.Organization).FirstOrDefaultAsync(t => t.Id == teamId);
        if (actor is null || team is null)
        {
            return (null, CommandResult.NotFound());
        }
        var actorRole = await db.TeamMembers.Where(m => m.TeamId == teamId && m.UserId == actor.Id)
            .Select(m => (TeamRole?)m.Role).FirstOrDefaultAsync();
        return MembershipPermissions.CanManageTeamMembers(actor, actorRole)
            ? (new Loaded(actor, team), null)
            : (null, CommandResult.Forbidden("Only the team's owners and Global Admins manage its members."));
    }

    protected static CommandResult NotInTeam() => CommandResult.Invalid(Fields.User, "That person is not a member of this team.");

    protected static CommandResult BadRole() => CommandResult.Invalid(Fields.Role, "Choose Team Owner or Team Viewer.");
}
