using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Organizations;

/// <summary>
/// A Global Admin creates an organization (SPEC §3). A decision: the creator is not made a member;
/// Global Admins see every organization anyway, and add its people and Org Admins next.
/// </summary>
public sealed class CreateOrganization(
    IDbContextFactory<ApplicationDbContext> dbFactory, IAuditLog audit, IAccessChangeEvents accessEvents, TimeProvider clock)
    : MembershipCommand(dbFactory, audit, accessEvents, clock)
{
    public async Task<CommandResult> ExecuteAsync(ClaimsPrincipal principal, string? name)
    {
        await using var db = await CreateDbContextAsync();
        var actor = await ActorAsync(db, principal);
        if (actor is null || !MembershipPermissions.CanCreateOrganization(actor))
        {
            return CommandResult.Forbidden("Only Global Admins create organizations.");
        }
        if (Names.Validate(name, "organization") is { } error)
        {
            return CommandResult.Invalid(Fields.Name, error);
        }
        var trimmed = name!.Trim();
        var taken = CommandResult.Invalid(Fields.Name, $"An organization named \"{trimmed}\" already exists.");
        if (await db.Organizations.AnyAsync(o => o.Name.ToUpper() == trimmed.ToUpper()))
        {
            return taken;
        }
        var organization = new Organization { Name = trimmed, CreatedAt = Clock.GetUtcNow().UtcDateTime };
        db.Organizations.Add(organization);
        Audit(db, actor, $"organization {trimmed}", "organization created");
        return await SaveAsync(db, membershipChanged: false, taken, () => CommandResult.Ok(organization.Id));
    }
}
