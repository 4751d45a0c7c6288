using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Links;

/// <summary>
/// Hands out a link, or resets it: a new unguessable token replaces the old one, which stops working
/// at once (SPEC §4.5). Handing out is the first reset; both are recorded as <see cref="AuditAction.LinkReset"/>.
/// </summary>
public abstract class ResetLink(
    IDbContextFactory<ApplicationDbContext> dbFactory, AssistantAuthorizer authorizer, IAuditLog audit,
    IAccessChangeEvents events, TimeProvider clock)
{
    protected abstract LinkKind Kind { get; }

    /// <summary>Returns the new token.</summary>
    public async Task<string> ExecuteAsync(ClaimsPrincipal user, int assistantId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        // The view link is an ordinary change; the edit link hands out Read and write, so only Owner level.
        var operation = Kind == LinkKind.Edit ? AssistantOperations.SensitiveChange : AssistantOperations.ManagePublicAccess;
        var access = await authorizer.AuthorizeOrThrowAsync(db, user, assistantId, operation, cancellationToken);

        var assistant = await db.Assistants.FirstAsync(a => a.Id == assistantId, cancellationToken);
        var token = LinkTokens.Create();
        var handedOutBefore = Kind == LinkKind.Edit ? assistant.EditLinkToken is not null : assistant.ViewLinkToken is not null;
        if (Kind == LinkKind.Edit)
        {
            assistant.EditLinkToken = token;
        }
        else
        {
            assistant.ViewLinkToken = token;
        }
        assistant.UpdatedAt = clock.GetUtcNow().UtcDateTime;

        var actor = await db.Users.Where(u => u.Id == access.ViewerId).Select(u => u.UserName).FirstOrDefaultAsync(cancellationToken);
        audit.Add(db, AuditAction.LinkReset, access.ViewerId, actor ?? "", assistantId, assistant.Name, Kind.DisplayName(),
            handedOutBefore ? $"{Kind.DisplayName()} reset; the old link no longer works" : $"{Kind.DisplayName()} handed out");
        await db.SaveChangesAsync(cancellationToken);
        events.PublishAssistant(assistantId);
        return token;
    }
}

/// <summary>Hands out or resets the view link (Use only). Needs <see cref="AssistantOperations.ManagePublicAccess"/>.</summary>
public sealed class ResetViewLink(
    IDbContextFactory<ApplicationDbContext> dbFactory, AssistantAuthorizer authorizer, IAuditLog audit,
    IAccessChangeEvents events, TimeProvider clock) : ResetLink(dbFactory, authorizer, audit, events, clock)
{
    protected override LinkKind Kind => LinkKind.View;
}

/// <summary>Hands out or resets the edit link (Read and write). A <see cref="AssistantOperations.SensitiveChange"/>: Owner level.</summary>
public sealed class ResetEditLink(
    IDbContextFactory<ApplicationDbContext> dbFactory, AssistantAuthorizer authorizer, IAuditLog audit,
    IAccessChangeEvents events, TimeProvider clock) : ResetLink(dbFactory, authorizer, audit, events, clock)
{
    protected override LinkKind Kind => LinkKind.Edit;
}
