using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace AssistantPortal.Features.Access;

/// <summary>
/// The one resource-based handler for assistants. The resource is the viewer's resolved access,
/// so the decision is the pure <see cref="AssistantPermissions.Allows"/>.
/// </summary>
public sealed class AssistantAuthorizationHandler : AuthorizationHandler<OperationAuthorizationRequirement, AssistantAccess>
{
    protected override Task HandleRequirementAsync(
        AuthorizationHandlerContext context, OperationAuthorizationRequirement requirement, AssistantAccess resource)
    {
        if (AssistantPermissions.Allows(resource, requirement))
        {
            context.Succeed(requirement);
        }
        return Task.CompletedTask;
    }
}
