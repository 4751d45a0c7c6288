using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Links;

/// <summary>The outcome of <see cref="SetPublicAccess"/>: done, or why not (nothing changed).</summary>
public sealed record SetPublicAccessResult(bool Succeeded, string? Error = null)
{
    public static SetPublicAccessResult Done { get; } = new(true);
}

/// <summary>
/// Sets who may use the assistant's links (SPEC §4.5). Not accessible, Team and Everyone signed in
/// need <see cref="AssistantOperations.ManagePublicAccess"/>; Everyone (outside the organization) is a
/// <see cref="AssistantOperations.SensitiveChange"/>. Team is offered only for an assistant within a team.
/// </summary>
public sealed class SetPublicAccess(
    IDbContextFactory<ApplicationDbContext> dbFactory, AssistantAuthorizer authorizer, IAuditLog audit,
    IAccessChangeEvents events, TimeProvider clock)
{
    public async Task<SetPublicAccessResult> ExecuteAsync(
        ClaimsPrincipal user, int assistantId, PublicAccess target, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var operation = target == PublicAccess.Everyone ? AssistantOperations.SensitiveChange : AssistantOperations.ManagePublicAccess;
        var access = await authorizer.AuthorizeOrThrowAsync(db, user, assistantId, operation, cancellationToken);
        if (!Enum.IsDefined(target))
        {
            return new SetPublicAccessResult(false, "Choose one of the options.");
        }

        var assistant = await db.Assistants.Include(a => a.Project).FirstAsync(a => a.Id == assistantId, cancellationToken);
        if (target == PublicAccess.Team && assistant.Project?.TeamId is null)
        {
            return new SetPublicAccessResult(false, "Team is available only for an assistant in a team's project.");
        }
        if (assistant.PublicAccess == target)
        {
            return SetPublicAccessResult.Done;
        }

        var before = assistant.PublicAccess;
        assistant.PublicAccess = target;
        assistant.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        var actor = await db.Users.Where(u => u.Id == access.ViewerId).Select(u => u.UserName).FirstOrDefaultAsync(cancellationToken);
        audit.Add(db, AuditAction.PublicAccessChanged, access.ViewerId, actor ?? "", assistantId, assistant.Name, null,
            $"{before.DisplayName()} → {target.DisplayName()}");
        await db.SaveChangesAsync(cancellationToken);
        events.PublishAssistant(assistantId);
        return SetPublicAccessResult.Done;
    }
}
