using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Organizations;

/// <summary>Removes a user from a project; the access it gave ends on the user's next request (SPEC §2.1).</summary>
public sealed class RemoveProjectUser(
    IDbContextFactory<ApplicationDbContext> dbFactory, IAuditLog audit, IAccessChangeEvents accessEvents, TimeProvider clock)
    : ProjectCommand(dbFactory, audit, accessEvents, clock)
{
    public async Task<CommandResult> ExecuteAsync(ClaimsPrincipal principal, int projectId, string userId)
    {
        await using var db = await CreateDbContextAsync();
        var (loaded, refusal) = await LoadAsync(db, principal, projectId);
        if (loaded is null)
        {
            return refusal!;
        }
        var member = await db.ProjectUserMembers.Include(m => m.User).FirstOrDefaultAsync(m => m.ProjectId == projectId && m.UserId == userId);
        if (member is null)
        {
            return CommandResult.Invalid(Fields.User, "That person is not a member of this project.");
        }
        db.ProjectUserMembers.Remove(member);
        Audit(db, loaded.Actor, loaded.Target, $"{member.User.UserName} removed");
        return await SaveAsync(db, membershipChanged: true, CommandResult.NotFound(), () => CommandResult.Ok());
    }
}

/// <summary>Removes a team from a project; its members lose what it gave on their next request (SPEC §2.1).</summary>
public sealed class RemoveProjectTeam(
    IDbContextFactory<ApplicationDbContext> dbFactory, IAuditLog audit, IAccessChangeEvents accessEvents, TimeProvider clock)
    : ProjectCommand(dbFactory, audit, accessEvents, clock)
{
    public async Task<CommandResult> ExecuteAsync(ClaimsPrincipal principal, int projectId, int teamId)
    {
        await using var db = await CreateDbContextAsync();
        var (loaded, refusal) = await LoadAsync(db, principal, projectId);
        if (loaded is null)
        {
            return refusal!;
        }
        var member = await db.ProjectTeamMembers.Include(m => m.Team).FirstOrDefaultAsync(m => m.ProjectId == projectId && m.TeamId == teamId);
        if (member is null)
        {
            return CommandResult.Invalid(Fields.Team, "That team is not in this project.");
        }
        db.ProjectTeamMembers.Remove(member);
        Audit(db, loaded.Actor, loaded.Target, $"team {member.Team.Name} removed");
        return await SaveAsync(db, membershipChanged: true, CommandResult.NotFound(), () => CommandResult.Ok());
    }
}
