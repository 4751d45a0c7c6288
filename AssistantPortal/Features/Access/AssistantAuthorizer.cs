using System.Security.Claims;
using AssistantPortal.Data;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace AssistantPortal.Features.Access;

/// <summary>
/// Thrown when a viewer may not do something to an assistant. It deliberately says the same as an
/// assistant that does not exist: a denied viewer learns nothing about what exists.
/// </summary>
public sealed class AssistantNotFoundException(int assistantId)
    : Exception("The assistant was not found.")
{
    public int AssistantId { get; } = assistantId;
}

/// <summary>What commands call first: resolve the viewer's access, then authorize the operation.</summary>
public sealed class AssistantAuthorizer(IAccessResolver resolver, IAuthorizationService authorization)
{
    /// <summary>
    /// Resolves <paramref name="viewer"/>'s access and authorizes <paramref name="operation"/>, or throws
    /// <see cref="AssistantNotFoundException"/>. Returns the access so callers need not resolve twice.
    /// </summary>
    public async Task<AssistantAccess> AuthorizeOrThrowAsync(
        ApplicationDbContext db, ClaimsPrincipal user, Viewer viewer, int assistantId,
        OperationAuthorizationRequirement operation, CancellationToken cancellationToken = default)
    {
        var access = await resolver.ResolveAsync(db, viewer, assistantId, cancellationToken);
        await AuthorizeOrThrowAsync(user, access, operation);
        return access;
    }

    /// <inheritdoc cref="AuthorizeOrThrowAsync(ApplicationDbContext, ClaimsPrincipal, Viewer, int, OperationAuthorizationRequirement, CancellationToken)"/>
    public Task<AssistantAccess> AuthorizeOrThrowAsync(
        ApplicationDbContext db, ClaimsPrincipal user, int assistantId,
        OperationAuthorizationRequirement operation, CancellationToken cancellationToken = default) =>
        AuthorizeOrThrowAsync(db, user, Viewer.From(user), assistantId, operation, cancellationToken);

    /// <summary>Authorizes an operation on an access already resolved, or throws <see cref="AssistantNotFoundException"/>.</summary>
    public async Task AuthorizeOrThrowAsync(ClaimsPrincipal user, AssistantAccess access, OperationAuthorizationRequirement operation)
    {
        var result = await authorization.AuthorizeAsync(user, access, operation);
        if (!result.Succeeded)
        {
            throw new AssistantNotFoundException(access.AssistantId);
        }
    }
}
