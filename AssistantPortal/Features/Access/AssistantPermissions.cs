using AssistantPortal.Data;
using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace AssistantPortal.Features.Access;

/// <summary>
/// The capability table of SPEC §2, as pure functions of a resolved <see cref="AssistantAccess"/>.
/// The authorization handler and the UI (which tabs and buttons show) both ask here.
/// </summary>
public static class AssistantPermissions
{
    public static bool Allows(AssistantAccess access, OperationAuthorizationRequirement operation)
    {
        var level = access.Level;
        return operation.Name switch
        {
            nameof(AssistantOperations.Use) => level >= AccessLevel.UseOnly,
            nameof(AssistantOperations.View) => level >= AccessLevel.ReadOnly,
            nameof(AssistantOperations.ReadLogs) => level >= AccessLevel.ReadOnly,
            // A Global Admin has Owner level on every assistant that exists (SPEC §2.1 row 2); on a missing
            // one the level is None, so it stays not-found for them too.
            nameof(AssistantOperations.ExplainAccess) => level >= AccessLevel.ReadOnly,
            nameof(AssistantOperations.Edit) => level >= AccessLevel.ReadWrite,
            nameof(AssistantOperations.Share) => level >= AccessLevel.ReadWrite,
            nameof(AssistantOperations.ManageKeys) => level >= AccessLevel.ReadWrite,
            nameof(AssistantOperations.ManagePublicAccess) => level >= AccessLevel.ReadWrite,
            nameof(AssistantOperations.SensitiveChange) => level >= AccessLevel.Owner,
            nameof(AssistantOperations.Delete) => level >= AccessLevel.Owner,
            nameof(AssistantOperations.TransferOwnership) => access.IsOwner || (access.IsGlobalAdmin && level >= AccessLevel.Owner),
            nameof(AssistantOperations.ViewSupportingContent) => access.IsGlobalAdmin && level >= AccessLevel.UseOnly,
            nameof(AssistantOperations.RunEvaluation) => access.IsGlobalAdmin && level >= AccessLevel.UseOnly,
            _ => throw new ArgumentOutOfRangeException(nameof(operation), operation.Name, "Unknown assistant operation."),
        };
    }

    /// <summary>The highest level this viewer may hand out: never above their own, never Owner.</summary>
    public static AccessLevel MaxGrantable(AssistantAccess access) =>
        access.Level >= AccessLevel.ReadWrite ? AccessLevel.ReadWrite : AccessLevel.None;

    /// <summary>May this viewer set public access to <paramref name="target"/>?</summary>
    public static bool AllowsPublicAccess(AssistantAccess access, PublicAccess target) =>
        target == PublicAccess.Everyone
            ? Allows(access, AssistantOperations.SensitiveChange)
            : Allows(access, AssistantOperations.ManagePublicAccess);
}
