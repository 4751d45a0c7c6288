using AssistantPortal.Data;

namespace AssistantPortal.Features.Audit;

/// <summary>
/// Records access changes (SPEC §9). Entries are added to the caller's context, so they are saved
/// in the same transaction as the change they describe, or not at all.
/// </summary>
public interface IAuditLog
{
    void Add(ApplicationDbContext db, AuditAction action, string? actorUserId, string actorName,
        int? assistantId, string? assistantName, string? target, string details);
}

/// <inheritdoc />
public sealed class AuditLog(TimeProvider clock) : IAuditLog
{
    public void Add(ApplicationDbContext db, AuditAction action, string? actorUserId, string actorName,
        int? assistantId, string? assistantName, string? target, string details)
    {
        db.AuditEntries.Add(new AuditEntry
        {
            At = clock.GetUtcNow().UtcDateTime,
            Action = action,
            ActorUserId = actorUserId,
            ActorName = actorName,
            AssistantId = assistantId,
            AssistantName = assistantName,
            Target = target,
            Details = details,
        });
    }
}
