using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Organizations;

/// <summary>
/// Makes a team member a Team Owner or a Team Viewer (team owners and Global Admins, SPEC §3). Demoting the
/// last owner while share requests wait needs confirmation, as in <see cref="RemoveTeamMember"/>.
/// </summary>
public sealed class SetTeamRole(
    IDbContextFactory<ApplicationDbContext> dbFactory, IAuditLog audit, IAccessChangeEvents accessEvents, TimeProvider clock)
    : TeamCommand(dbFactory, audit, accessEvents, clock)
{
    public async Task<CommandResult> ExecuteAsync(ClaimsPrincipal principal, int teamId, string userId, TeamRole role, bool confirmed = false)
    {
        await using var db = await CreateDbContextAsync();
        var (loaded, refusal) = await LoadAsync(db, principal, teamId);
        if (loaded is null)
        {
            return refusal!;
        }
        if (!Enum.IsDefined(role))
        {
            return BadRole();
        }
        var member = await db.TeamMembers.Include(m => m.User).FirstOrDefaultAsync(m => m.TeamId == teamId && m.UserId == userId);
        if (member is null)
        {
            return NotInTeam();
        }
        if (member.Role == role)
        {
            return CommandResult.Invalid(Fields.Role, $"{member.User.UserName} is already {role.DisplayName()}.");
        }
        if (role == TeamRole.Viewer && await LastOwnerWarningAsync(db, loaded, member, confirmed) is { } warning)
        {
            return warning;
        }
        var before = member.Role;
        member.Role = role;
        Audit(db, loaded.Actor, loaded.Target, $"{member.User.UserName}: {before.DisplayName()} → {role.DisplayName()}");
        return await SaveAsync(db, membershipChanged: true, CommandResult.NotFound(), () => CommandResult.Ok());
    }
}
