using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Sharing;

/// <summary>Shares an assistant with a team: at once for its approvers, otherwise as a request for review (SPEC §4.2).</summary>
public sealed class ShareWithTeam(IDbContextFactory<ApplicationDbContext> dbFactory, AssistantAuthorizer authorizer, TargetShareFlow flow)
{
    public async Task<SharingResult> ExecuteAsync(ClaimsPrincipal user, int assistantId, string? teamName, AccessLevel level,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var access = await authorizer.AuthorizeOrThrowAsync(db, user, assistantId, AssistantOperations.Share, cancellationToken);
        var (team, error) = await SharingRules.FindTeamAsync(db, teamName, cancellationToken);
        if (team is null)
        {
            return SharingResult.Fail(SharingField.Target, error!);
        }
        if (SharingRules.LevelError(access, level) is { } levelError)
        {
            return SharingResult.Fail(SharingField.Level, levelError);
        }
        if (await db.AssistantTeamGrants.AnyAsync(g => g.AssistantId == assistantId && g.TeamId == team.Id, cancellationToken))
        {
            return SharingResult.Fail(SharingField.Target, $"The team \"{team.Name}\" already has access: change its level in the list below.");
        }
        return await flow.ShareOrRequestAsync(db, access, ShareTarget.ForTeam(team), level, cancellationToken);
    }
}
