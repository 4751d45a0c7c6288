using AssistantPortal.Data;
using AssistantPortal.Features.Sharing;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Approvals;

/// <summary>
/// Who may share with a team or organization at once, and so who decides requests to do so
/// (SPEC §4.2, §4.3, §7). The same people do both: whoever may approve a request could have shared
/// immediately. Every answer is read from the database at the moment of asking.
/// </summary>
/// <remarks>
/// Team: a Global Admin, an Org Admin of the team's organization, a Team Owner of the team, or an
/// Application Admin who created the team. Organization: a Global Admin or an Org Admin of it.
/// Org Admins may always decide their teams' requests, but they are only <em>notified</em> of those of
/// teams without an owner; Global Admins are never notified but see every request in their Inbox.
/// </remarks>
public static class ShareApprovers
{
    public static async Task<bool> CanDecideAsync(ApplicationDbContext db, string userId, GlobalRole role, ShareTargetKind kind, int targetId,
        CancellationToken cancellationToken = default)
    {
        if (role == GlobalRole.GlobalAdmin)
        {
            return true;
        }
        if (kind == ShareTargetKind.Organization)
        {
            return await db.OrganizationMembers.AnyAsync(
                m => m.OrganizationId == targetId && m.UserId == userId && m.Role == OrganizationRole.Admin, cancellationToken);
        }
        var isApplicationAdmin = role == GlobalRole.ApplicationAdmin;
        return await db.Teams.AnyAsync(t => t.Id == targetId && (
            t.Members.Any(m => m.UserId == userId && m.Role == TeamRole.Owner) ||
            (isApplicationAdmin && t.CreatedByUserId == userId) ||
            t.Organization.Members.Any(m => m.UserId == userId && m.Role == OrganizationRole.Admin)), cancellationToken);
    }

    /// <summary>The pending requests this user may decide now: the Inbox (SPEC §7), as a query.</summary>
    public static IQueryable<ShareRequest> Decidable(ApplicationDbContext db, string userId, GlobalRole role)
    {
        var pending = db.ShareRequests.Where(r => r.Status == ShareRequestStatus.Pending);
        if (role == GlobalRole.GlobalAdmin)
        {
            return pending;
        }
        var adminOrganizations = db.OrganizationMembers.Where(m => m.UserId == userId && m.Role == OrganizationRole.Admin).Select(m => m.OrganizationId);
        var ownedTeams = db.TeamMembers.Where(m => m.UserId == userId && m.Role == TeamRole.Owner).Select(m => m.TeamId);
        var isApplicationAdmin = role == GlobalRole.ApplicationAdmin;
        return pending.Where(r =>
            (r.TeamId != null && (ownedTeams.Contains(r.TeamId.Value) ||
                                  adminOrganizations.Contains(r.Team!.OrganizationId) ||
                                  (isApplicationAdmin && r.Team.CreatedByUserId == userId))) ||
            (r.OrganizationId != null && adminOrganizations.Contains(r.OrganizationId.Value)));
    }

    /// <summary>
    /// Who is told that a request waits: for a team its Team Owners (and an Application Admin who created it),
    /// or, where it has none, its organization's Org Admins; for an organization its Org Admins.
    /// </summary>
    public static async Task<List<Recipient>> NotifiedAsync(ApplicationDbContext db, ShareTarget target, CancellationToken cancellationToken = default)
    {
        var organizationAdmins = db.OrganizationMembers
            .Where(m => m.OrganizationId == target.OrganizationId && m.Role == OrganizationRole.Admin)
            .Select(m => new Recipient(m.UserId, m.User.Email));
        if (target.Kind == ShareTargetKind.Organization)
        {
            return await organizationAdmins.ToListAsync(cancellationToken);
        }
        var owners = await db.TeamMembers.Where(m => m.TeamId == target.Id && m.Role == TeamRole.Owner)
            .Select(m => new Recipient(m.UserId, m.User.Email))
            .ToListAsync(cancellationToken);
        var creator = await db.Teams.Where(t => t.Id == target.Id)
            .SelectMany(t => db.Users.Where(u => u.Id == t.CreatedByUserId && u.GlobalRole == GlobalRole.ApplicationAdmin))
            .Select(u => new Recipient(u.Id, u.Email))
            .ToListAsync(cancellationToken);
        owners.AddRange(creator);
        owners = owners.DistinctBy(r => r.UserId).ToList();
        return owners.Count > 0 ? owners : await organizationAdmins.ToListAsync(cancellationToken);
    }
}
