using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Audit;
using AssistantPortal.Features.Sharing;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Organizations;

/// <summary>
/// A Global Admin deletes a team (SPEC §9; who may: <see cref="MembershipPermissions.CanDeleteTeam"/>). It takes
/// away the access the team gave and nothing else, in one transaction: its grants on assistants and its share
/// requests (<see cref="GroupAccessRemoval"/>), its memberships, and its places in projects. Its projects stay in
/// the organization, no longer a team's (so their assistants are no longer "within" it: SPEC §2.1 rows 6 and 7
/// stop applying); assistants and users stay. Open pages re-resolve at once (SPEC §2.1, last paragraph).
/// </summary>
public sealed class DeleteTeam(
    IDbContextFactory<ApplicationDbContext> dbFactory, IAuditLog audit, IAccessChangeEvents accessEvents, TimeProvider clock,
    GroupAccessRemoval removal)
    : MembershipCommand(dbFactory, audit, accessEvents, clock)
{
    public async Task<CommandResult> ExecuteAsync(ClaimsPrincipal principal, int teamId)
    {
        await using var db = await CreateDbContextAsync();
        var actor = await ActorAsync(db, principal);
        var team = actor is null ? null
            : await MembershipPermissions.VisibleTeams(db, actor).AsNoTracking().Include(t => t.Organization).FirstOrDefaultAsync(t => t.Id == teamId);
        if (actor is null || team is null)
        {
            return CommandResult.NotFound();
        }
        if (!MembershipPermissions.CanDeleteTeam(actor))
        {
            return CommandResult.Forbidden("Only Global Admins delete teams.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        var removed = await removal.RemoveAsync(db, actor, ShareTarget.ForTeam(team));
        var inProjects = await db.ProjectTeamMembers.Where(m => m.TeamId == teamId).Select(m => m.Project.Name).ToListAsync();
        var ownProjects = await db.Projects.Where(p => p.TeamId == teamId).Select(p => p.Name).ToListAsync();
        await db.ProjectTeamMembers.Where(m => m.TeamId == teamId).ExecuteDeleteAsync();
        await db.Projects.Where(p => p.TeamId == teamId).ExecuteUpdateAsync(s => s.SetProperty(p => p.TeamId, (int?)null));
        var members = await db.TeamMembers.Where(m => m.TeamId == teamId).ExecuteDeleteAsync();
        var deleted = await db.Teams.Where(t => t.Id == teamId).ExecuteDeleteAsync();
        if (deleted == 0)
        {
            // Another admin deleted it a moment ago: nothing of ours is committed.
            return CommandResult.NotFound();
        }
        Audit(db, actor, $"team {team.Name} ({team.Organization.Name})", Summary(members, removed, inProjects, ownProjects));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        PublishAll();
        return CommandResult.Ok();
    }

    private static string Summary(int members, GroupAccessRemoval.Removed removed, List<string> inProjects, List<string> ownProjects)
    {
        var parts = new List<string> { "team deleted", $"{members} membership(s), {removed.Grants} grant(s) and {removed.PendingRequests} pending request(s) removed" };
        if (inProjects.Count > 0)
        {
            parts.Add($"removed from project(s) {string.Join(", ", inProjects)}");
        }
        if (ownProjects.Count > 0)
        {
            parts.Add($"project(s) {string.Join(", ", ownProjects)} no longer belong to a team");
        }
        var summary = string.Join("; ", parts);
        // The audit column holds 1,000 characters; a team in very many projects is summarized.
        return summary.Length <= 1_000 ? summary : summary[..997] + "...";
    }
}
