using System.ComponentModel.DataAnnotations;
using System.Security.Claims;
using AssistantPortal.Data;
using AssistantPortal.Data.Configurations;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Assistants;

/// <summary>
/// Creates an assistant owned by its creator, optionally in a project the creator may use
/// (<see cref="UsableProjects"/>, checked again here whatever the form offered). Every signed-in
/// user may create assistants (SPEC §3).
/// </summary>
public sealed class CreateAssistant(
    IDbContextFactory<ApplicationDbContext> dbFactory,
    IAuditLog audit,
    IAccessChangeEvents accessEvents,
    TimeProvider clock)
{
    public const string ProjectNotUsable = "Choose a project you are a member or admin of.";

    public sealed class Input : AssistantNameInput
    {
        /// <summary>The project to create it in, or null for none.</summary>
        public int? ProjectId { get; set; }
    }

    /// <summary>Returns the new assistant's id, or the field errors (and then nothing is saved).</summary>
    public async Task<CommandResult<int>> ExecuteAsync(ClaimsPrincipal user, Input input, CancellationToken cancellationToken = default)
    {
        var userId = Viewer.From(user).UserId
            ?? throw new InvalidOperationException("Only a signed-in user can create an assistant.");
        input.Name = input.Name?.Trim() ?? "";
        input.Description = input.Description?.Trim() ?? "";

        var errors = FieldErrors.Validate(input);
        await using var db = await dbFactory.CreateDbContextAsync(cancellationToken);
        var creator = await db.Users.Where(u => u.Id == userId).Select(u => new { u.UserName, u.GlobalRole })
            .FirstOrDefaultAsync(cancellationToken)
            ?? throw new InvalidOperationException("The signed-in account no longer exists.");
        if (!GlobalRoles.CanCreateAssistants(creator.GlobalRole))
        {
            throw new InvalidOperationException("This account may not create assistants.");
        }
        string? projectName = null;
        if (input.ProjectId is { } projectId)
        {
            projectName = await UsableProjects.Query(db, userId, creator.GlobalRole)
                .Where(p => p.Id == projectId).Select(p => p.Name).FirstOrDefaultAsync(cancellationToken);
            if (projectName is null)
            {
                // The same message for a project that does not exist: nothing is told about what exists.
                errors.Add(nameof(Input.ProjectId), ProjectNotUsable);
            }
        }
        if (errors.Any)
        {
            return CommandResult<int>.Invalid(errors.ToDictionary());
        }

        var now = clock.GetUtcNow().UtcDateTime;
        var assistant = new Assistant
        {
            Name = input.Name,
            Description = input.Description,
            OwnerId = userId,
            ProjectId = input.ProjectId,
            CreatedAt = now,
            UpdatedAt = now,
        };
        // The audit entry needs the new id, so it follows in a second save inside the same transaction.
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Assistants.Add(assistant);
        await db.SaveChangesAsync(cancellationToken);
        audit.Add(db, AuditAction.AssistantCreated, userId, creator.UserName ?? userId, assistant.Id, assistant.Name,
            projectName, projectName is null ? "Created outside any project" : $"Created in project \"{projectName}\"");
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        accessEvents.PublishAssistant(assistant.Id);
        return CommandResult<int>.Success(assistant.Id);
    }
}
