using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Organizations;

/// <summary>
/// Anyone creates a project (SPEC §3) in an organization they belong to, optionally as a team's project
/// of a team they are in (see <see cref="MembershipPermissions.OrganizationsForNewProjects"/>). A
/// decision: the creator becomes the project's first Admin, so that someone can manage it.
/// </summary>
public sealed class CreateProject(
    IDbContextFactory<ApplicationDbContext> dbFactory, IAuditLog audit, IAccessChangeEvents accessEvents, TimeProvider clock)
    : MembershipCommand(dbFactory, audit, accessEvents, clock)
{
    public async Task<CommandResult> ExecuteAsync(ClaimsPrincipal principal, int? organizationId, int? teamId, string? name)
    {
        await using var db = await CreateDbContextAsync();
        var actor = await ActorAsync(db, principal);
        if (actor is null)
        {
            return CommandResult.NotFound();
        }
        var organization = organizationId is null ? null
            : await MembershipPermissions.OrganizationsForNewProjects(db, actor).FirstOrDefaultAsync(o => o.Id == organizationId);
        if (organization is null)
        {
            return CommandResult.Invalid(Fields.Organization, "Choose an organization you are a member of.");
        }
        Team? team = null;
        if (teamId is not null)
        {
            team = await MembershipPermissions.TeamsForNewProjects(db, actor)
                .FirstOrDefaultAsync(t => t.Id == teamId && t.OrganizationId == organization.Id);
            if (team is null)
            {
                return CommandResult.Invalid(Fields.Team, $"Choose a team of {organization.Name} that you are in, or no team.");
            }
        }
        if (Names.Validate(name, "project") is { } error)
        {
            return CommandResult.Invalid(Fields.Name, error);
        }
        var trimmed = name!.Trim();
        var taken = CommandResult.Invalid(Fields.Name, $"{organization.Name} already has a project named \"{trimmed}\".");
        if (await db.Projects.AnyAsync(p => p.OrganizationId == organization.Id && p.Name.ToUpper() == trimmed.ToUpper()))
        {
            return taken;
        }
        var project = new Project
        {
            OrganizationId = organization.Id, TeamId = team?.Id, Name = trimmed, CreatedByUserId = actor.Id,
            CreatedAt = Clock.GetUtcNow().UtcDateTime,
        };
        project.UserMembers.Add(new ProjectUserMember { UserId = actor.Id, Role = ProjectRole.Admin });
        db.Projects.Add(project);
        Audit(db, actor, $"project {trimmed} ({organization.Name})",
            $"project created{(team is null ? "" : $" for team {team.Name}")}; {actor.Name} added as Admin");
        return await SaveAsync(db, membershipChanged: true, taken, () => CommandResult.Ok(project.Id));
    }
}
