using Microsoft.AspNetCore.Authorization.Infrastructure;

namespace AssistantPortal.Features.Access;

/// <summary>
/// What can be done to an assistant, as resource-based authorization requirements (SPEC §2's
/// capability table). <see cref="AssistantPermissions"/> decides each one.
/// </summary>
public static class AssistantOperations
{
    /// <summary>See it in lists, open it, chat with it.</summary>
    public static readonly OperationAuthorizationRequirement Use = new() { Name = nameof(Use) };

    /// <summary>See the configuration tabs (settings, knowledge, access, API keys, logs) read-only.</summary>
    public static readonly OperationAuthorizationRequirement View = new() { Name = nameof(View) };

    /// <summary>Read the chat logs.</summary>
    public static readonly OperationAuthorizationRequirement ReadLogs = new() { Name = nameof(ReadLogs) };

    /// <summary>Ask why someone has their access (SPEC §2.2).</summary>
    public static readonly OperationAuthorizationRequirement ExplainAccess = new() { Name = nameof(ExplainAccess) };

    /// <summary>Edit settings and instructions; add, remove and re-index knowledge.</summary>
    public static readonly OperationAuthorizationRequirement Edit = new() { Name = nameof(Edit) };

    /// <summary>Add, change and remove user, team and organization access.</summary>
    public static readonly OperationAuthorizationRequirement Share = new() { Name = nameof(Share) };

    /// <summary>Create and delete API keys.</summary>
    public static readonly OperationAuthorizationRequirement ManageKeys = new() { Name = nameof(ManageKeys) };

    /// <summary>Set public access to Not accessible, Team or Everyone signed in; hand out and reset the view link.</summary>
    public static readonly OperationAuthorizationRequirement ManagePublicAccess = new() { Name = nameof(ManagePublicAccess) };

    /// <summary>Sensitive changes: public access Everyone; hand out or reset the edit link.</summary>
    public static readonly OperationAuthorizationRequirement SensitiveChange = new() { Name = nameof(SensitiveChange) };

    /// <summary>Delete the assistant.</summary>
    public static readonly OperationAuthorizationRequirement Delete = new() { Name = nameof(Delete) };

    /// <summary>Hand ownership to someone else: only the owner itself or a Global Admin.</summary>
    public static readonly OperationAuthorizationRequirement TransferOwnership = new() { Name = nameof(TransferOwnership) };

    /// <summary>Receive the supporting content and thought process of answers (Global Admins only).</summary>
    public static readonly OperationAuthorizationRequirement ViewSupportingContent = new() { Name = nameof(ViewSupportingContent) };

    /// <summary>Keep test sets and run evaluation regression tests (Global Admins only).</summary>
    public static readonly OperationAuthorizationRequirement RunEvaluation = new() { Name = nameof(RunEvaluation) };

    /// <summary>Every operation, for tests and for tables that list capabilities.</summary>
    public static IReadOnlyList<OperationAuthorizationRequirement> All { get; } =
    [
        Use, View, ReadLogs, ExplainAccess, Edit, Share, ManageKeys, ManagePublicAccess, SensitiveChange,
        Delete, TransferOwnership, ViewSupportingContent, RunEvaluation,
    ];
}
