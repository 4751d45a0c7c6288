using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Audit;
using AssistantPortal.Features.Sharing;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Organizations;

/// <summary>
/// A Global Admin deletes an organization (SPEC §9). It takes away the access the organization gave — its
/// grants on assistants, its share requests (<see cref="GroupAccessRemoval"/>) and its memberships — in one
/// transaction; assistants and users stay.
/// </summary>
/// <remarks>
/// A decision: an organization that still holds teams or projects is not deleted; the admin is told to delete
/// its teams first, and that its projects keep it. The schema would cascade (teams, projects and their
/// memberships go with the organization, assistants only lose their project), but a project is a container of
/// assistants that people built, and nothing in the product moves or deletes projects, so an organization with
/// projects stays. Deleting its teams one by one (<see cref="DeleteTeam"/>) shows each team's consequences.
/// </remarks>
public sealed class DeleteOrganization(
    IDbContextFactory<ApplicationDbContext> dbFactory, IAuditLog audit, IAccessChangeEvents accessEvents, TimeProvider clock,
    GroupAccessRemoval removal)
    : MembershipCommand(dbFactory, audit, accessEvents, clock)
{
    public async Task<CommandResult> ExecuteAsync(ClaimsPrincipal principal, int organizationId)
    {
        await using var db = await CreateDbContextAsync();
        var actor = await ActorAsync(db, principal);
        var organization = actor is null ? null
            : await MembershipPermissions.VisibleOrganizations(db, actor).AsNoTracking().FirstOrDefaultAsync(o => o.Id == organizationId);
        if (actor is null || organization is null)
        {
            return CommandResult.NotFound();
        }
        if (!MembershipPermissions.CanRenameOrDeleteOrganization(actor))
        {
            return CommandResult.Forbidden("Only Global Admins delete organizations.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync();
        // Read inside the transaction, so a team or project created meanwhile is seen or waits for the commit.
        var teams = await db.Teams.CountAsync(t => t.OrganizationId == organizationId);
        var projects = await db.Projects.CountAsync(p => p.OrganizationId == organizationId);
        if (teams > 0 || projects > 0)
        {
            return CommandResult.Invalid(Fields.Organization, StillHolds(organization.Name, teams, projects));
        }
        var removed = await removal.RemoveAsync(db, actor, ShareTarget.ForOrganization(organization));
        var members = await db.OrganizationMembers.Where(m => m.OrganizationId == organizationId).ExecuteDeleteAsync();
        if (await db.Organizations.Where(o => o.Id == organizationId).ExecuteDeleteAsync() == 0)
        {
            return CommandResult.NotFound();
        }
        Audit(db, actor, $"organization {organization.Name}",
            $"organization deleted; {members} membership(s), {removed.Grants} grant(s) and {removed.PendingRequests} pending request(s) removed");
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
        PublishAll();
        return CommandResult.Ok();
    }

    private static string StillHolds(string name, int teams, int projects)
    {
        var what = new List<string>();
        if (teams > 0)
        {
            what.Add(teams == 1 ? "1 team" : $"{teams} teams");
        }
        if (projects > 0)
        {
            what.Add(projects == 1 ? "1 project" : $"{projects} projects");
        }
        var advice = projects > 0
            ? "Projects and their assistants are never deleted with an organization, so it cannot be deleted while it has projects."
            : "Delete its teams first.";
        return $"{name} still has {string.Join(" and ", what)}. {advice}";
    }
}
