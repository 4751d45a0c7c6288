using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Sharing;

/// <summary>Validation and look-ups every sharing command shares, each answering with a clear message (SPEC §10).</summary>
public static class SharingRules
{
    /// <summary>Null when <paramref name="access"/> may hand out <paramref name="level"/>; otherwise why not (SPEC §2).</summary>
    public static string? LevelError(AssistantAccess access, AccessLevel level)
    {
        if (level > access.Level)
        {
            return $"You cannot grant more than your own access ({access.Level.DisplayName()}).";
        }
        if (level == AccessLevel.Owner)
        {
            return "Owner is never granted: ownership moves only by transfer.";
        }
        if (!level.IsGrantable() || level > AssistantPermissions.MaxGrantable(access))
        {
            return "Choose an access type: Use only, Read only or Read and write.";
        }
        return null;
    }

    /// <summary>The acting user's id and name; the access was resolved for a signed-in user, so it exists.</summary>
    public static async Task<Actor> ActorAsync(ApplicationDbContext db, string userId, CancellationToken cancellationToken) =>
        await db.Users.Where(u => u.Id == userId).Select(u => new Actor(u.Id, u.UserName ?? u.Id)).FirstAsync(cancellationToken);

    public static async Task<AssistantRef> AssistantAsync(ApplicationDbContext db, int assistantId, CancellationToken cancellationToken) =>
        await db.Assistants.Where(a => a.Id == assistantId).Select(a => new AssistantRef(a.Id, a.Name)).FirstAsync(cancellationToken);

    /// <summary>
    /// The team typed in the form. Team names are unique only within an organization, so the autocomplete
    /// offers "Name (Organization)"; a bare name is accepted when exactly one team has it.
    /// </summary>
    public static async Task<(Team? Team, string? Error)> FindTeamAsync(ApplicationDbContext db, string? text, CancellationToken cancellationToken)
    {
        var typed = text?.Trim() ?? "";
        if (typed.Length == 0)
        {
            return (null, "Enter a team name.");
        }
        var candidates = await db.Teams.Include(t => t.Organization)
            .Where(t => t.Name == typed || typed.StartsWith(t.Name + " ("))
            .Take(50).ToListAsync(cancellationToken);
        var labelled = candidates.Where(t => TeamLabel(t.Name, t.Organization.Name) == typed).ToList();
        if (labelled.Count == 1)
        {
            return (labelled[0], null);
        }
        var named = candidates.Where(t => t.Name == typed).ToList();
        return named.Count switch
        {
            1 => (named[0], null),
            0 => (null, $"There is no team named \"{typed}\"."),
            _ => (null, $"Several organizations have a team named \"{typed}\": pick one from the list."),
        };
    }

    /// <summary>How the autocomplete shows a team, so teams of the same name in different organizations differ.</summary>
    public static string TeamLabel(string team, string organization) => $"{team} ({organization})";

    public static async Task<(Organization? Organization, string? Error)> FindOrganizationAsync(
        ApplicationDbContext db, string? text, CancellationToken cancellationToken)
    {
        var typed = text?.Trim() ?? "";
        if (typed.Length == 0)
        {
            return (null, "Enter an organization name.");
        }
        var organization = await db.Organizations.FirstOrDefaultAsync(o => o.Name == typed, cancellationToken);
        return organization is null ? (null, $"There is no organization named \"{typed}\".") : (organization, null);
    }

    public static async Task<(ApplicationUser? User, string? Error)> FindUserAsync(ApplicationDbContext db, string? text, CancellationToken cancellationToken)
    {
        var typed = text?.Trim() ?? "";
        if (typed.Length == 0)
        {
            return (null, "Enter a username.");
        }
        var normalized = typed.ToUpperInvariant();
        var user = await db.Users.FirstOrDefaultAsync(u => u.NormalizedUserName == normalized, cancellationToken);
        return user is null ? (null, $"There is no user named \"{typed}\".") : (user, null);
    }

    /// <summary>Is a request for this assistant and target already waiting? (At most one may, SPEC §10.)</summary>
    public static Task<bool> HasPendingRequestAsync(ApplicationDbContext db, int assistantId, ShareTarget target, CancellationToken cancellationToken) =>
        db.ShareRequests.AnyAsync(r => r.AssistantId == assistantId && r.Status == ShareRequestStatus.Pending &&
            (target.Kind == ShareTargetKind.Team ? r.TeamId == target.Id : r.OrganizationId == target.Id), cancellationToken);

    public static string DuplicateRequestMessage(ShareTarget target) =>
        $"A request to share with {target.Describe()} is already pending review.";
}
