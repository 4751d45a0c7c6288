using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Sharing;

/// <summary>Shares an assistant with an organization: at once for a Global Admin or its Org Admins, otherwise for review (SPEC §4.3).</summary>
public sealed class ShareWithOrganization(IDbContextFactory<ApplicationDbContext> dbFactory, AssistantAuthorizer authorizer, TargetShareFlow flow)
{
    public async Task<SharingResult> ExecuteAsync(ClaimsPrincipal user, int assistantId, string? organizationName, AccessLevel level,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var access = await authorizer.AuthorizeOrThrowAsync(db, user, assistantId, AssistantOperations.Share, cancellationToken);
        var (organization, error) = await SharingRules.FindOrganizationAsync(db, organizationName, cancellationToken);
        if (organization is null)
        {
            return SharingResult.Fail(SharingField.Target, error!);
        }
        if (SharingRules.LevelError(access, level) is { } levelError)
        {
            return SharingResult.Fail(SharingField.Level, levelError);
        }
        if (await db.AssistantOrganizationGrants.AnyAsync(g => g.AssistantId == assistantId && g.OrganizationId == organization.Id, cancellationToken))
        {
            return SharingResult.Fail(SharingField.Target,
                $"The organization \"{organization.Name}\" already has access: change its level in the list below.");
        }
        return await flow.ShareOrRequestAsync(db, access, ShareTarget.ForOrganization(organization), level, cancellationToken);
    }
}
