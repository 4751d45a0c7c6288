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

    /// <summary>
    /// Null when <paramref name="member"/> may stop being a Team Owner without more ado; otherwise the warning
    /// to confirm: they are the last owner while share requests wait for the team's decision. Those requests then
    /// go to the Org Admins of the team's organization (SPEC §4.2), who could always decide them and already see
    /// them in their Inbox, so nothing moves; the actor only has to know.
    /// </summary>
    protected static async Task<CommandResult?> LastOwnerWarningAsync(ApplicationDbContext db, Loaded loaded, TeamMember member, bool confirmed)
    {
        if (confirmed || member.Role != TeamRole.Owner)
        {
            return null;
        }
        var teamId = loaded.Team.Id;
        if (await db.TeamMembers.AnyAsync(m => m.TeamId == teamId && m.UserId != member.UserId && m.Role == TeamRole.Owner))
        {
            return null;
        }
        var pending = await db.ShareRequests.CountAsync(r => r.TeamId == teamId && r.Status == ShareRequestStatus.Pending);
        if (pending == 0)
        {
            return null;
        }
        var organization = loaded.Team.Organization;
        var hasOrgAdmins = await db.OrganizationMembers.AnyAsync(m => m.OrganizationId == organization.Id && m.Role == OrganizationRole.Admin);
        var requests = pending == 1 ? "1 share request waits" : $"{pending} share requests wait";
        var whereTo = hasOrgAdmins
            ? $"they will go to the Org Admins of {organization.Name}"
            : $"{organization.Name} has no Org Admins, so only Global Admins will be able to decide them";
        return CommandResult.NeedsConfirmation(
            $"{member.User.UserName} is the last Team Owner of {loaded.Team.Name}, and {requests} for the team's decision. " +
            $"Without a Team Owner, {whereTo}. Confirm to go ahead.");
    }

    protected static CommandResult NotInTeam() => CommandResult.Invalid(Fields.User, "That person is not a member of this team.");

    protected static CommandResult BadRole() => CommandResult.Invalid(Fields.Role, "Choose Team Owner or Team Viewer.");
}
