using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using MudBlazor;

namespace AssistantPortal.Features.Admin;

/// <summary>One section of the admin panel: where it lives and how the navigation names it.</summary>
public sealed record AdminSectionLink(AdminSection Section, string Href, string Title, string Icon, string Summary);

/// <summary>
/// The sections of the admin panel (SPEC §9) in the order the navigation shows them. Which role opens
/// which section is <see cref="GlobalRoles.AdminSections"/>; every page also carries the section's policy.
/// </summary>
public static class AdminSections
{
    public static IReadOnlyList<AdminSectionLink> All { get; } =
    [
        new(AdminSection.Analytics, "admin/analytics", "Analytics", Icons.Material.Filled.Insights,
            "Users, assistants, conversations and messages over a period; most-used assistants; shares and pending requests."),
        new(AdminSection.Users, "admin/users", "Users", Icons.Material.Filled.ManageAccounts,
            "Search people, change global roles, lock and unlock accounts."),
        new(AdminSection.TeamsAndOrganizations, "admin/groups", "Teams and organizations", Icons.Material.Filled.Groups,
            "Create, rename and delete teams and organizations; manage members, Team Owners and Org Admins."),
        new(AdminSection.ChatLogs, "admin/chat-logs", "Chat logs", Icons.Material.Filled.Forum,
            "Every exchange across assistants, with supporting content; CSV export."),
        new(AdminSection.Aliases, "admin/aliases", "Aliases", Icons.Material.Filled.Hub,
            "Named chat-model configurations that assistants choose from."),
        new(AdminSection.AuditLog, "admin/audit", "Audit log", Icons.Material.Filled.Policy,
            "Every change of access: who, what, when; CSV export."),
        new(AdminSection.OutgoingMail, "admin/mail", "Outgoing mail", Icons.Material.Filled.Outbox,
            "The mail outbox: sent, waiting and dead messages; resend."),
    ];

    /// <summary>The sections <paramref name="role"/> may open, in navigation order.</summary>
    public static IEnumerable<AdminSectionLink> For(GlobalRole role)
    {
        var allowed = GlobalRoles.AdminSections(role);
        return All.Where(s => allowed.HasFlag(s.Section));
    }
}
