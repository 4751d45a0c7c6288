using System.Security.Claims;
using Microsoft.AspNetCore.Authorization;

namespace AssistantPortal.Features.Admin;

/// <summary>
/// Thrown when a viewer may not open an admin section. It says no more than a missing page does: a denied
/// viewer learns nothing about what the section holds.
/// </summary>
public sealed class AdminSectionNotFoundException() : Exception("Not found.");

/// <summary>
/// The server-side check every admin query and command makes before it reads or changes anything: the same
/// section policy that guards the page (decided from the database, so a demoted admin is refused at once).
/// </summary>
public sealed class AdminSectionGate(IAuthorizationService authorization)
{
    public async Task<bool> MayOpenAsync(ClaimsPrincipal user, string policy) =>
        (await authorization.AuthorizeAsync(user, policy)).Succeeded;

    /// <summary>Throws <see cref="AdminSectionNotFoundException"/> unless <paramref name="user"/> may open the section.</summary>
    public async Task EnsureAsync(ClaimsPrincipal user, string policy)
    {
        if (!await MayOpenAsync(user, policy))
        {
            throw new AdminSectionNotFoundException();
        }
    }
}
