using AssistantPortal.Features.Access;

namespace AssistantPortal.Features.Assistants;

/// <summary>The tabs of the assistant page (SPEC §4.6), in the order they show.</summary>
public enum AssistantTab
{
    Chat = 0,
    Settings = 1,
    Knowledge = 2,
    Logs = 3,
    Access = 4,
    ApiKeys = 5,
    Evaluation = 6,
}

/// <summary>
/// Which tabs a viewer sees, from the same capability table the server enforces
/// (<see cref="AssistantPermissions"/>). Hiding is only the surface: each tab's data and actions are
/// authorized again on the server.
/// </summary>
public static class AssistantTabs
{
    private static readonly (AssistantTab Tab, Microsoft.AspNetCore.Authorization.Infrastructure.OperationAuthorizationRequirement Needs)[] Table =
    [
        (AssistantTab.Chat, AssistantOperations.Use),
        (AssistantTab.Settings, AssistantOperations.View),
        (AssistantTab.Knowledge, AssistantOperations.View),
        (AssistantTab.Logs, AssistantOperations.ReadLogs),
        (AssistantTab.Access, AssistantOperations.View),
        (AssistantTab.ApiKeys, AssistantOperations.View),
        (AssistantTab.Evaluation, AssistantOperations.RunEvaluation),
    ];

    /// <summary>The tabs <paramref name="access"/> may see; empty when it may not even use the assistant.</summary>
    public static IReadOnlyList<AssistantTab> Visible(AssistantAccess access) =>
        Table.Where(t => AssistantPermissions.Allows(access, t.Needs)).Select(t => t.Tab).ToList();

    /// <summary>A Use only viewer sees the chat interface alone, without a tab bar (SPEC §4.6).</summary>
    public static bool ChatAlone(AssistantAccess access) => Visible(access) is [AssistantTab.Chat];

    public static string Title(this AssistantTab tab) => tab switch
    {
        AssistantTab.ApiKeys => "API keys",
        _ => tab.ToString(),
    };
}
