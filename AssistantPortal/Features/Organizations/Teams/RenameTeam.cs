using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Organizations;

/// <summary>
/// Renames a team: Global Admins every team, Team Owners their own (SPEC §3). The name follows the rules
/// of <see cref="Names"/> and stays unique within the organization. Access does not depend on names, so
/// no access-change signal is sent; open pages show the new name when they next load.
/// </summary>
public sealed class RenameTeam(
    IDbContextFactory<ApplicationDbContext> dbFactory, IAuditLog audit, IAccessChangeEvents accessEvents, TimeProvider clock)
    : MembershipCommand(dbFactory, audit, accessEvents, clock)
{
    public async Task<CommandResult> ExecuteAsync(ClaimsPrincipal principal, int teamId, string? name)
    {
        await using var db = await CreateDbContextAsync();
        var actor = await ActorAsync(db, principal);
        var team = actor is null ? null
            : await MembershipPermissions.VisibleTeams(db, actor).Include(t => t.Organization).FirstOrDefaultAsync(t => t.Id == teamId);
        if (actor is null || team is null)
        {
            return CommandResult.NotFound();
        }
        var actorRole = await db.TeamMembers.Where(m => m.TeamId == teamId && m.UserId == actor.Id)
            .Select(m => (TeamRole?)m.Role).FirstOrDefaultAsync();
        if (!MembershipPermissions.CanRenameTeam(actor, actorRole))
        {
            return CommandResult.Forbidden("Only the team's owners and Global Admins rename it.");
        }
        if (Names.Validate(name, "team") is { } error)
        {
            return CommandResult.Invalid(Fields.Name, error);
        }
        var trimmed = name!.Trim();
        if (trimmed == team.Name)
        {
            return CommandResult.Invalid(Fields.Name, $"The team is already named \"{trimmed}\".");
        }
        var taken = CommandResult.Invalid(Fields.Name, $"{team.Organization.Name} already has a team named \"{trimmed}\".");
        if (await db.Teams.AnyAsync(t => t.OrganizationId == team.OrganizationId && t.Id != teamId && t.Name.ToUpper() == trimmed.ToUpper()))
        {
            return taken;
        }
        var before = team.Name;
        team.Name = trimmed;
        Audit(db, actor, $"team {trimmed} ({team.Organization.Name})", $"team renamed from \"{before}\"");
        return await SaveAsync(db, membershipChanged: false, taken, () => CommandResult.Ok());
    }
}
