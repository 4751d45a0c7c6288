using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Sharing;

/// <summary>
/// Autocomplete over existing user, team and organization names (SPEC §4.1–4.3). Only those who may share
/// the assistant (or, for the explanation, ask about its access) get suggestions. At most ten, by prefix.
/// </summary>
public sealed class ShareTargetSearch(IDbContextFactory<ApplicationDbContext> dbFactory, AssistantAuthorizer authorizer)
{
    private const int Limit = 10;

    public async Task<IReadOnlyList<string>> UsersAsync(ClaimsPrincipal user, int assistantId, string? text, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await authorizer.AuthorizeOrThrowAsync(db, user, assistantId, AssistantOperations.ExplainAccess, cancellationToken);
        var prefix = (text ?? "").Trim().ToUpperInvariant();
        return await db.Users.Where(u => u.NormalizedUserName!.StartsWith(prefix))
            .OrderBy(u => u.UserName).Select(u => u.UserName!).Take(Limit).ToListAsync(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> TeamsAsync(ClaimsPrincipal user, int assistantId, string? text, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await authorizer.AuthorizeOrThrowAsync(db, user, assistantId, AssistantOperations.Share, cancellationToken);
        var prefix = (text ?? "").Trim();
        var teams = await db.Teams.Where(t => t.Name.StartsWith(prefix))
            .OrderBy(t => t.Name).ThenBy(t => t.Organization.Name)
            .Select(t => new { t.Name, Organization = t.Organization.Name }).Take(Limit).ToListAsync(cancellationToken);
        return teams.Select(t => SharingRules.TeamLabel(t.Name, t.Organization)).ToList();
    }

    public async Task<IReadOnlyList<string>> OrganizationsAsync(ClaimsPrincipal user, int assistantId, string? text, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await authorizer.AuthorizeOrThrowAsync(db, user, assistantId, AssistantOperations.Share, cancellationToken);
        var prefix = (text ?? "").Trim();
        return await db.Organizations.Where(o => o.Name.StartsWith(prefix))
            .OrderBy(o => o.Name).Select(o => o.Name).Take(Limit).ToListAsync(cancellationToken);
    }
}
