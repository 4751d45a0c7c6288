using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Assistants;

/// <summary>What the assistant page shows above its tabs.</summary>
public sealed record AssistantSummary(int Id, string Name, string Description, string OwnerName, string? ProjectName);

/// <summary>The viewer's access on an assistant with its summary: what the assistant page renders from.</summary>
public sealed record OpenedAssistant(AssistantAccess Access, AssistantSummary Summary);

/// <summary>
/// Opens an assistant for its page: resolves the viewer's access and authorizes
/// <see cref="AssistantOperations.Use"/>. A viewer without it, and an id that does not exist, both get
/// <see cref="AssistantNotFoundException"/>.
/// </summary>
public sealed class OpenAssistant(IDbContextFactory<ApplicationDbContext> dbFactory, AssistantAuthorizer authorizer)
{
    public async Task<OpenedAssistant> ExecuteAsync(ClaimsPrincipal user, int assistantId, CancellationToken cancellationToken = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var access = await authorizer.AuthorizeOrThrowAsync(db, user, assistantId, AssistantOperations.Use, cancellationToken);
        var summary = await db.Assistants.Where(a => a.Id == assistantId)
            .Select(a => new AssistantSummary(a.Id, a.Name, a.Description, a.Owner.UserName ?? "", a.Project == null ? null : a.Project.Name))
            .FirstOrDefaultAsync(cancellationToken)
            // Deleted between the two queries.
            ?? throw new AssistantNotFoundException(assistantId);
        return new OpenedAssistant(access, summary);
    }
}
