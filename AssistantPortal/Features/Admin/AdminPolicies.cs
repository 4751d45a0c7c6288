using AssistantPortal.Features.Access;

namespace AssistantPortal.Features.Admin;

/// <summary>The policy names of the admin sections, as constants for <c>[Authorize(Policy = ...)]</c> on pages.</summary>
public static class AdminPolicies
{
    public const string Analytics = "AdminSection:" + nameof(AdminSection.Analytics);
    public const string Users = "AdminSection:" + nameof(AdminSection.Users);
    public const string TeamsAndOrganizations = "AdminSection:" + nameof(AdminSection.TeamsAndOrganizations);
    public const string ChatLogs = "AdminSection:" + nameof(AdminSection.ChatLogs);
    public const string Aliases = "AdminSection:" + nameof(AdminSection.Aliases);
    public const string AuditLog = "AdminSection:" + nameof(AdminSection.AuditLog);
    public const string OutgoingMail = "AdminSection:" + nameof(AdminSection.OutgoingMail);
}
