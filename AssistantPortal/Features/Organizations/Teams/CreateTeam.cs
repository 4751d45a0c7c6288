using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Organizations;

/// <summary>
/// Global Admins and Application Admins create a team in an organization (SPEC §3). An Application
/// Admin becomes the Team Owner of the team it creates. A decision: a Global Admin does not (it manages
/// every team anyway), and neither needs to be a member of the organization.
/// </summary>
public sealed class CreateTeam(
    IDbContextFactory<ApplicationDbContext> dbFactory, IAuditLog audit, IAccessChangeEvents accessEvents, TimeProvider clock)
    : MembershipCommand(dbFactory, audit, accessEvents, clock)
{
    public async Task<CommandResult> ExecuteAsync(ClaimsPrincipal principal, int? organizationId, string? name)
    {
        await using var db = await CreateDbContextAsync();
        var actor = await ActorAsync(db, principal);
        if (actor is null || !MembershipPermissions.CanCreateTeam(actor))
        {
            return CommandResult.Forbidden("Only Global Admins and Application Admins create teams.");
        }
        var organization = organizationId is null ? null : await db.Organizations.FirstOrDefaultAsync(o => o.Id == organizationId);
        if (organization is null)
        {
            return CommandResult.Invalid(Fields.Organization, "Choose the organization the team belongs to.");
        }
        if (Names.Validate(name, "team") is { } error)
        {
            return CommandResult.Invalid(Fields.Name, error);
        }
        var trimmed = name!.Trim();
        var taken = CommandResult.Invalid(Fields.Name, $"{organization.Name} already has a team named \"{trimmed}\".");
        if (await db.Teams.AnyAsync(t => t.OrganizationId == organization.Id && t.Name.ToUpper() == trimmed.ToUpper()))
        {
            return taken;
        }
        var team = new Team
        {
            OrganizationId = organization.Id, Name = trimmed, CreatedByUserId = actor.Id, CreatedAt = Clock.GetUtcNow().UtcDateTime,
        };
        var becomesOwner = actor.Role == GlobalRole.ApplicationAdmin;
        if (becomesOwner)
        {
            team.Members.Add(new TeamMember { UserId = actor.Id, Role = TeamRole.Owner });
        }
        db.Teams.Add(team);
        Audit(db, actor, $"team {trimmed} ({organization.Name})",
            becomesOwner ? $"team created; {actor.Name} added as Team Owner" : "team created");
        return await SaveAsync(db, membershipChanged: becomesOwner, taken, () => CommandResult.Ok(team.Id));
    }
}
