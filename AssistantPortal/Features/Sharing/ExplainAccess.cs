using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Sharing;

/// <summary>The answer to "why does this person have this access?": the same resolution the app decides with.</summary>
public sealed record AccessExplanation(string UserName, AssistantAccess Access);

/// <summary>
/// Explains any user's access on an assistant (SPEC §2.2), for viewers with Read only or more and Global
/// Admins. It asks the one resolver, so the level and its explanation cannot disagree. Links are not part of
/// the answer: they count only on the request that carries them.
/// </summary>
public sealed class ExplainAccess(IDbContextFactory<ApplicationDbContext> dbFactory, AssistantAuthorizer authorizer, IAccessResolver resolver)
{
    public async Task<(AccessExplanation? Explanation, string? Error)> ExecuteAsync(ClaimsPrincipal user, int assistantId, string? userName,
        CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        await authorizer.AuthorizeOrThrowAsync(db, user, assistantId, AssistantOperations.ExplainAccess, cancellationToken);
        var (subject, error) = await SharingRules.FindUserAsync(db, userName, cancellationToken);
        if (subject is null)
        {
            return (null, error);
        }
        var access = await resolver.ResolveAsync(db, new Viewer(subject.Id), assistantId, cancellationToken);
        return (new AccessExplanation(subject.UserName!, access), null);
    }
}
