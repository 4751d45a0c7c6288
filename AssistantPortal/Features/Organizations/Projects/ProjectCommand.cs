using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Organizations;

/// <summary>
/// The shared first steps of the project-member commands: the actor, the project (not found when the
/// actor cannot see it) and whether the actor may manage it (<see cref="MembershipPermissions.ManageableProjects"/>).
/// </summary>
public abstract class ProjectCommand(
    IDbContextFactory<ApplicationDbContext> dbFactory, IAuditLog audit, IAccessChangeEvents accessEvents, TimeProvider clock)
    : MembershipCommand(dbFactory, audit, accessEvents, clock)
{
    protected sealed record Loaded(Actor Actor, Project Project)
    {
        public string Target => $"project {Project.Name} ({Project.Organization.Name})";
    }

    /// <summary>The actor and project, or the result to return at once.</summary>
    protected static async Task<(Loaded? Loaded, CommandResult? Refusal)> LoadAsync(ApplicationDbContext db, ClaimsPrincipal principal, int projectId)
    {
        var actor = await ActorAsync(db, principal);
        var project = actor is null ? null
            : await MembershipPermissions.VisibleProjects(db, actor).Include(p => p.Organization).FirstOrDefaultAsync(p => p.Id == projectId);
        if (actor is null || project is null)
        {
            return (null, CommandResult.NotFound());
        }
        return await MembershipPermissions.ManageableProjects(db, actor).AnyAsync(p => p.Id == projectId)
            ? (new Loaded(actor, project), null)
            : (null, CommandResult.Forbidden("Only the project's Admins, its organization's Org Admins, its team's owners and Global Admins manage it."));
    }

    protected static CommandResult BadRole() => CommandResult.Invalid(Fields.Role, "Choose Member or Admin.");
}
