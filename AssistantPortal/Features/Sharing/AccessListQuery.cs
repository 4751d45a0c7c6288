using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Sharing;

/// <summary>One grant as the Access tab lists it.</summary>
public sealed record GrantRow(int Id, string Name, AccessLevel Level, string? GrantedBy, DateTime GrantedAt);

/// <summary>One pending share request as the Access tab lists it (with Withdraw for its requester).</summary>
public sealed record PendingRow(int Id, ShareTargetKind Kind, string TargetName, AccessLevel Level, string RequestedById, string RequestedBy,
    DateTime RequestedAt);

/// <summary>Everything the Access tab lists for one assistant.</summary>
public sealed record AccessList(
    IReadOnlyList<GrantRow> Users, IReadOnlyList<GrantRow> Teams, IReadOnlyList<GrantRow> Organizations, IReadOnlyList<PendingRow> Pending);

/// <summary>The grants and pending requests of an assistant, for viewers who may see its configuration (Read only and up).</summary>
public sealed class AccessListQuery(IDbContextFactory<ApplicationDbContext> dbFactory, AssistantAuthorizer authorizer)
{
    public async Task<AccessList> ExecuteAsync(ClaimsPrincipal user, int assistantId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await authorizer.AuthorizeOrThrowAsync(db, user, assistantId, AssistantOperations.View, cancellationToken);
        var users = await db.AssistantUserGrants.Where(g => g.AssistantId == assistantId)
            .OrderBy(g => g.User.UserName)
            .Select(g => new GrantRow(g.Id, g.User.UserName!, g.Level, g.GrantedBy!.UserName, g.GrantedAt))
            .ToListAsync(cancellationToken);
        var teams = await db.AssistantTeamGrants.Where(g => g.AssistantId == assistantId)
            .OrderBy(g => g.Team.Name)
            .Select(g => new GrantRow(g.Id, g.Team.Name + " (" + g.Team.Organization.Name + ")", g.Level, g.GrantedBy!.UserName, g.GrantedAt))
            .ToListAsync(cancellationToken);
        var organizations = await db.AssistantOrganizationGrants.Where(g => g.AssistantId == assistantId)
            .OrderBy(g => g.Organization.Name)
            .Select(g => new GrantRow(g.Id, g.Organization.Name, g.Level, g.GrantedBy!.UserName, g.GrantedAt))
            .ToListAsync(cancellationToken);
        var pending = await db.ShareRequests.Where(r => r.AssistantId == assistantId && r.Status == ShareRequestStatus.Pending)
            .OrderBy(r => r.RequestedAt)
            .Select(r => new PendingRow(r.Id, r.TargetKind,
                r.TargetKind == ShareTargetKind.Team ? r.Team!.Name + " (" + r.Team.Organization.Name + ")" : r.Organization!.Name,
                r.RequestedLevel, r.RequestedByUserId, r.RequestedBy.UserName!, r.RequestedAt))
            .ToListAsync(cancellationToken);
        return new AccessList(users, teams, organizations, pending);
    }
}
