using AssistantPortal.Data;

namespace AssistantPortal.Features.Access;

/// <summary>The sections of the admin panel (SPEC §9).</summary>
[Flags]
public enum AdminSection
{
    None = 0,
    Analytics = 1,
    Users = 2,
    TeamsAndOrganizations = 4,
    ChatLogs = 8,
    Aliases = 16,
    AuditLog = 32,
    OutgoingMail = 64,
}

/// <summary>The role table of SPEC §3, as pure functions. Handlers and the navigation both ask here.</summary>
public static class GlobalRoles
{
    public static string DisplayName(this GlobalRole role) => role switch
    {
        GlobalRole.GlobalAdmin => "Global Admin",
        GlobalRole.ApplicationAdmin => "Application Admin",
        _ => "User",
    };

    /// <summary>Global Admins and Application Admins create teams; Users do not.</summary>
    public static bool CanCreateTeams(GlobalRole role) => role >= GlobalRole.ApplicationAdmin;

    /// <summary>Only Global Admins create organizations and manage their admins.</summary>
    public static bool CanCreateOrganizations(GlobalRole role) => role == GlobalRole.GlobalAdmin;

    /// <summary>Global Admins manage every team's members; everyone else only the teams they own.</summary>
    public static bool CanManageTeamMembers(GlobalRole role, bool isTeamOwner) => role == GlobalRole.GlobalAdmin || isTeamOwner;

    /// <summary>Everyone may create projects and assistants, index data and chat.</summary>
    public static bool CanCreateAssistants(GlobalRole role) => true;

    /// <summary>The admin-panel sections a role may open.</summary>
    public static AdminSection AdminSections(GlobalRole role) => role switch
    {
        GlobalRole.GlobalAdmin => AdminSection.Analytics | AdminSection.Users | AdminSection.TeamsAndOrganizations |
                                  AdminSection.ChatLogs | AdminSection.Aliases | AdminSection.AuditLog | AdminSection.OutgoingMail,
        GlobalRole.ApplicationAdmin => AdminSection.Analytics | AdminSection.Users | AdminSection.Aliases,
        _ => AdminSection.None,
    };

    /// <summary>
    /// May <paramref name="actor"/> give a user (now <paramref name="current"/>, the actor itself when <paramref name="targetIsSelf"/>) the role
    /// <paramref name="next"/>? <paramref name="globalAdminCount"/> guards the last Global Admin.
    /// </summary>
    public static RoleChangeDecision CanAssign(
        GlobalRole actor, bool targetIsSelf, GlobalRole current, GlobalRole next, int globalAdminCount)
    {
        if (current == next)
        {
            return RoleChangeDecision.Deny("The user already has that role.");
        }
        switch (actor)
        {
            case GlobalRole.GlobalAdmin:
                if (current == GlobalRole.GlobalAdmin && !targetIsSelf)
                {
                    return RoleChangeDecision.Deny("A Global Admin cannot demote another Global Admin.");
                }
                if (current == GlobalRole.GlobalAdmin && targetIsSelf && globalAdminCount <= 1)
                {
                    return RoleChangeDecision.Deny("The last Global Admin cannot step down.");
                }
                return RoleChangeDecision.Allow;
            case GlobalRole.ApplicationAdmin:
                if (current == GlobalRole.GlobalAdmin)
                {
                    return RoleChangeDecision.Deny("An Application Admin cannot change a Global Admin's role.");
                }
                if (next == GlobalRole.GlobalAdmin)
                {
                    return RoleChangeDecision.Deny("An Application Admin can assign only Application Admin or User.");
                }
                return RoleChangeDecision.Allow;
            default:
                return RoleChangeDecision.Deny("Only admins assign global roles.");
        }
    }

    /// <summary>
    /// May <paramref name="actor"/> lock a user whose role is <paramref name="target"/>? The table of SPEC §3 says only that a
    /// Global Admin cannot lock another Global Admin; the rest is decided by analogy with the role rule: whoever may
    /// change a user's role may lock that user. So Global Admins lock Application Admins and Users, Application Admins
    /// lock Application Admins and Users (the users whose role they may set), nobody locks a Global Admin (no Global
    /// Admin may, and Application Admins may not touch Global Admins at all), and nobody locks themselves (it would
    /// only lock the actor out).
    /// </summary>
    public static RoleChangeDecision CanLock(GlobalRole actor, bool targetIsSelf, GlobalRole target)
    {
        if (actor < GlobalRole.ApplicationAdmin)
        {
            return RoleChangeDecision.Deny("Only admins lock accounts.");
        }
        if (targetIsSelf)
        {
            return RoleChangeDecision.Deny("You cannot lock your own account.");
        }
        if (target == GlobalRole.GlobalAdmin)
        {
            return RoleChangeDecision.Deny("A Global Admin cannot be locked.");
        }
        return RoleChangeDecision.Allow;
    }

    /// <summary>
    /// May <paramref name="actor"/> unlock a user whose role is <paramref name="target"/>? The same people as
    /// <see cref="CanLock"/>, except that a Global Admin may also unlock another Global Admin: no admin can lock one,
    /// but failed sign-ins can, and unlocking takes nothing away.
    /// </summary>
    public static RoleChangeDecision CanUnlock(GlobalRole actor, bool targetIsSelf, GlobalRole target)
    {
        if (actor < GlobalRole.ApplicationAdmin)
        {
            return RoleChangeDecision.Deny("Only admins unlock accounts.");
        }
        if (targetIsSelf)
        {
            return RoleChangeDecision.Deny("You cannot unlock your own account.");
        }
        if (target == GlobalRole.GlobalAdmin && actor != GlobalRole.GlobalAdmin)
        {
            return RoleChangeDecision.Deny("An Application Admin cannot unlock a Global Admin.");
        }
        return RoleChangeDecision.Allow;
    }
}

/// <summary>The answer to a role or lock change: allowed, or the reason it is not.</summary>
public sealed record RoleChangeDecision(bool Allowed, string? Reason)
{
    public static RoleChangeDecision Allow { get; } = new(true, null);
    public static RoleChangeDecision Deny(string reason) => new(false, reason);
}
