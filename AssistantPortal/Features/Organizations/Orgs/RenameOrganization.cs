using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Organizations;

/// <summary>
/// A Global Admin renames an organization (SPEC §3, §9). The name follows the rules of <see cref="Names"/>
/// and stays unique across the installation.
/// </summary>
public sealed class RenameOrganization(
    IDbContextFactory<ApplicationDbContext> dbFactory, IAuditLog audit, IAccessChangeEvents accessEvents, TimeProvider clock)
    : MembershipCommand(dbFactory, audit, accessEvents, clock)
{
    public async Task<CommandResult> ExecuteAsync(ClaimsPrincipal principal, int organizationId, string? name)
    {
        await using var db = await CreateDbContextAsync();
        var actor = await ActorAsync(db, principal);
        var organization = actor is null ? null
            : await MembershipPermissions.VisibleOrganizations(db, actor).FirstOrDefaultAsync(o => o.Id == organizationId);
        if (actor is null || organization is null)
        {
            return CommandResult.NotFound();
        }
        if (!MembershipPermissions.CanRenameOrDeleteOrganization(actor))
        {
            return CommandResult.Forbidden("Only Global Admins rename organizations.");
        }
        if (Names.Validate(name, "organization") is { } error)
        {
            return CommandResult.Invalid(Fields.Name, error);
        }
        var trimmed = name!.Trim();
        if (trimmed == organization.Name)
        {
            return CommandResult.Invalid(Fields.Name, $"The organization is already named \"{trimmed}\".");
        }
        var taken = CommandResult.Invalid(Fields.Name, $"An organization named \"{trimmed}\" already exists.");
        if (await db.Organizations.AnyAsync(o => o.Id != organizationId && o.Name.ToUpper() == trimmed.ToUpper()))
        {
            return taken;
        }
        var before = organization.Name;
        organization.Name = trimmed;
        Audit(db, actor, $"organization {trimmed}", $"organization renamed from \"{before}\"");
        return await SaveAsync(db, membershipChanged: false, taken, () => CommandResult.Ok());
    }
}
