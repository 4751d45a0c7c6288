using AssistantPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Sharing;

/// <summary>A tracked team or organization grant seen through what both kinds have: a level.</summary>
internal sealed class TrackedGrant(object entity, Func<AccessLevel> get, Action<AccessLevel> set)
{
    public object Entity { get; } = entity;

    public AccessLevel Level
    {
        get => get();
        set => set(value);
    }
}

internal static class TargetGrants
{
    public static async Task<(TrackedGrant? Grant, ShareTarget? Target)> FindAsync(
        ApplicationDbContext db, int assistantId, ShareTargetKind kind, int grantId, CancellationToken cancellationToken)
    {
        if (kind == ShareTargetKind.Team)
        {
            var grant = await db.AssistantTeamGrants.Include(g => g.Team)
                .FirstOrDefaultAsync(g => g.Id == grantId && g.AssistantId == assistantId, cancellationToken);
            return grant is null ? (null, null) : (new TrackedGrant(grant, () => grant.Level, l => grant.Level = l), ShareTarget.ForTeam(grant.Team));
        }
        var organizationGrant = await db.AssistantOrganizationGrants.Include(g => g.Organization)
            .FirstOrDefaultAsync(g => g.Id == grantId && g.AssistantId == assistantId, cancellationToken);
        return organizationGrant is null
            ? (null, null)
            : (new TrackedGrant(organizationGrant, () => organizationGrant.Level, l => organizationGrant.Level = l),
                ShareTarget.ForOrganization(organizationGrant.Organization));
    }
}
