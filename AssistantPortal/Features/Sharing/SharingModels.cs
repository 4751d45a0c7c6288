using AssistantPortal.Data;

namespace AssistantPortal.Features.Sharing;

/// <summary>The person doing a sharing or approval action, with the name audit entries and messages show.</summary>
public sealed record Actor(string Id, string Name);

/// <summary>The assistant an action is about, with the name messages show.</summary>
public sealed record AssistantRef(int Id, string Name);

/// <summary>Someone who receives a notification and, when they have an address, an email.</summary>
public sealed record Recipient(string UserId, string? Email);

/// <summary>A team or organization an assistant is shared with, or asked to be shared with.</summary>
public sealed record ShareTarget(ShareTargetKind Kind, int Id, string Name, int OrganizationId)
{
    public static ShareTarget ForTeam(Team team) => new(ShareTargetKind.Team, team.Id, team.Name, team.OrganizationId);

    public static ShareTarget ForOrganization(Organization organization) =>
        new(ShareTargetKind.Organization, organization.Id, organization.Name, organization.Id);

    /// <summary>"the team "Support"" or "the organization "Contoso"", for messages and emails.</summary>
    public string Describe() => Kind == ShareTargetKind.Team ? $"the team \"{Name}\"" : $"the organization \"{Name}\"";

    /// <summary>The recipients of a "shared with you" message when the target's grant takes effect: every member but one.</summary>
    public IQueryable<Recipient> MembersExcept(ApplicationDbContext db, string exceptUserId) => Kind == ShareTargetKind.Team
        ? db.TeamMembers.Where(m => m.TeamId == Id && m.UserId != exceptUserId).Select(m => new Recipient(m.UserId, m.User.Email))
        : db.OrganizationMembers.Where(m => m.OrganizationId == Id && m.UserId != exceptUserId).Select(m => new Recipient(m.UserId, m.User.Email));
}
