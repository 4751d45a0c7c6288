using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Organizations;

/// <summary>
/// Removes a user from a team. A decision: the last owner may leave; a team without owners has its
/// share requests decided by its Org Admins (SPEC §4.2), and Global Admins still manage it. When requests
/// are waiting, the actor is warned first and must confirm (<see cref="CommandStatus.NeedsConfirmation"/>).
/// </summary>
public sealed class RemoveTeamMember(
    IDbContextFactory<ApplicationDbContext> dbFactory, IAuditLog audit, IAccessChangeEvents accessEvents, TimeProvider clock)
    : TeamCommand(dbFactory, audit, accessEvents, clock)
{
    public async Task<CommandResult> ExecuteAsync(ClaimsPrincipal principal, int teamId, string userId, bool confirmed = false)
    {
        await using var db = await CreateDbContextAsync();
        var (loaded, refusal) = await LoadAsync(db, principal, teamId);
        if (loaded is null)
        {
            return refusal!;
        }
        var member = await db.TeamMembers.Include(m => m.User).FirstOrDefaultAsync(m => m.TeamId == teamId && m.UserId == userId);
        if (member is null)
        {
            return NotInTeam();
        }
        if (await LastOwnerWarningAsync(db, loaded, member, confirmed) is { } warning)
        {
            return warning;
        }
        db.TeamMembers.Remove(member);
        Audit(db, loaded.Actor, loaded.Target, $"{member.User.UserName} removed");
        return await SaveAsync(db, membershipChanged: true, CommandResult.NotFound(), () => CommandResult.Ok());
    }
}
