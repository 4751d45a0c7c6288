using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Organizations;

/// <summary>
/// Adds a user to a project as Member (Read only on its assistants) or Admin (Owner level), SPEC §2.1
/// rows 8–9. A decision: only members of the project's organization can be added.
/// </summary>
public sealed class AddProjectUser(
    IDbContextFactory<ApplicationDbContext> dbFactory, IAuditLog audit, IAccessChangeEvents accessEvents, TimeProvider clock)
    : ProjectCommand(dbFactory, audit, accessEvents, clock)
{
    public async Task<CommandResult> ExecuteAsync(ClaimsPrincipal principal, int projectId, string? userName, ProjectRole role)
    {
        await using var db = await CreateDbContextAsync();
        var (loaded, refusal) = await LoadAsync(db, principal, projectId);
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
        if (!await db.OrganizationMembers.AnyAsync(m => m.OrganizationId == loaded.Project.OrganizationId && m.UserId == user.Id))
        {
            return CommandResult.Invalid(Fields.User, $"{user.UserName} is not a member of {loaded.Project.Organization.Name}.");
        }
        var duplicate = CommandResult.Invalid(Fields.User, $"{user.UserName} is already in {loaded.Project.Name}.");
        if (await db.ProjectUserMembers.AnyAsync(m => m.ProjectId == projectId && m.UserId == user.Id))
        {
            return duplicate;
        }
        db.ProjectUserMembers.Add(new ProjectUserMember { ProjectId = projectId, UserId = user.Id, Role = role });
        Audit(db, loaded.Actor, loaded.Target, $"{user.UserName} added as {role.DisplayName()}");
        return await SaveAsync(db, membershipChanged: true, duplicate, () => CommandResult.Ok());
    }
}
