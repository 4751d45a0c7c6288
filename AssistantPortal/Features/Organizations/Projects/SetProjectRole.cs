using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Organizations;

/// <summary>Changes a user's project role between Member and Admin.</summary>
public sealed class SetProjectUserRole(
    IDbContextFactory<ApplicationDbContext> dbFactory, IAuditLog audit, IAccessChangeEvents accessEvents, TimeProvider clock)
    : ProjectCommand(dbFactory, audit, accessEvents, clock)
{
    public async Task<CommandResult> ExecuteAsync(ClaimsPrincipal principal, int projectId, string userId, ProjectRole role)
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
        var member = await db.ProjectUserMembers.Include(m => m.User).FirstOrDefaultAsync(m => m.ProjectId == projectId && m.UserId == userId);
        if (member is null)
        {
            return CommandResult.Invalid(Fields.User, "That person is not a member of this project.");
        }
        if (member.Role == role)
        {
            return CommandResult.Invalid(Fields.Role, $"{member.User.UserName} is already {role.DisplayName()}.");
        }
        var before = member.Role;
        member.Role = role;
        Audit(db, loaded.Actor, loaded.Target, $"{member.User.UserName}: {before.DisplayName()} → {role.DisplayName()}");
        return await SaveAsync(db, membershipChanged: true, CommandResult.NotFound(), () => CommandResult.Ok());
    }
}

/// <summary>Changes a team's project role between Member and Admin.</summary>
public sealed class SetProjectTeamRole(
    IDbContextFactory<ApplicationDbContext> dbFactory, IAuditLog audit, IAccessChangeEvents accessEvents, TimeProvider clock)
    : ProjectCommand(dbFactory, audit, accessEvents, clock)
{
    public async Task<CommandResult> ExecuteAsync(ClaimsPrincipal principal, int projectId, int teamId, ProjectRole role)
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
        var member = await db.ProjectTeamMembers.Include(m => m.Team).FirstOrDefaultAsync(m => m.ProjectId == projectId && m.TeamId == teamId);
        if (member is null)
        {
            return CommandResult.Invalid(Fields.Team, "That team is not in this project.");
        }
        if (member.Role == role)
        {
            return CommandResult.Invalid(Fields.Role, $"Team {member.Team.Name} is already {role.DisplayName()}.");
        }
        var before = member.Role;
        member.Role = role;
        Audit(db, loaded.Actor, loaded.Target, $"team {member.Team.Name}: {before.DisplayName()} → {role.DisplayName()}");
        return await SaveAsync(db, membershipChanged: true, CommandResult.NotFound(), () => CommandResult.Ok());
    }
}
