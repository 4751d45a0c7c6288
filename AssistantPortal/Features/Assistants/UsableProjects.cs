using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Assistants;

/// <summary>A project someone may put an assistant in, as the New assistant form offers it.</summary>
public sealed record ProjectOption(int Id, string Name, string OrganizationName, string? TeamName)
{
    public string DisplayName => TeamName is null ? $"{Name} ({OrganizationName})" : $"{Name} ({OrganizationName}, team {TeamName})";
}

/// <summary>
/// The projects a user may create assistants in. SPEC §1 is silent on who may add an assistant to a
/// project; we allow those who already reach the project's assistants through it: a project Member or
/// Admin, directly or through a team added to the project, and a Team Owner of the team the project
/// belongs to. A Global Admin (Owner level on every assistant) may use every project.
/// </summary>
public sealed class UsableProjects(IDbContextFactory<ApplicationDbContext> dbFactory, IAccessResolver resolver)
{
    /// <summary>The rule, as a query the database executes; the create command re-checks with it.</summary>
    public static IQueryable<Project> Query(ApplicationDbContext db, string userId, GlobalRole role)
    {
        if (role == GlobalRole.GlobalAdmin)
        {
            return db.Projects;
        }
        var teamIds = db.TeamMembers.Where(m => m.UserId == userId).Select(m => m.TeamId);
        var ownedTeamIds = db.TeamMembers.Where(m => m.UserId == userId && m.Role == TeamRole.Owner).Select(m => m.TeamId);
        return db.Projects.Where(p =>
            p.UserMembers.Any(m => m.UserId == userId)
            || p.TeamMembers.Any(m => teamIds.Contains(m.TeamId))
            || (p.TeamId != null && ownedTeamIds.Contains(p.TeamId.Value)));
    }

    /// <summary>The projects <paramref name="user"/> may use, by name.</summary>
    public async Task<IReadOnlyList<ProjectOption>> ListAsync(ClaimsPrincipal user, CancellationToken cancellationToken = default)
    {
        var userId = Viewer.From(user).UserId;
        if (userId is null)
        {
            return [];
        }
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var role = await resolver.GetGlobalRoleAsync(db, userId, cancellationToken);
        return await Query(db, userId, role)
            .OrderBy(p => p.Name).ThenBy(p => p.Organization.Name)
            .Select(p => new ProjectOption(p.Id, p.Name, p.Organization.Name, p.Team == null ? null : p.Team.Name))
            .ToListAsync(cancellationToken);
    }
}
