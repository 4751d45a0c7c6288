using AssistantPortal.Data;
using AssistantPortal.Features.Access;

namespace AssistantPortal.Features.Organizations;

/// <summary>
/// Who may see and change organizations, teams and projects: SPEC §3's role table, plus the
/// decisions written here where the spec is silent. Commands and pages both ask here.
/// </summary>
public static class MembershipPermissions
{
    /// <summary>Organizations a person belongs to (Global Admins: all).</summary>
    public static IQueryable<Organization> VisibleOrganizations(ApplicationDbContext db, Actor actor) =>
        actor.IsGlobalAdmin ? db.Organizations : db.Organizations.Where(o => o.Members.Any(m => m.UserId == actor.Id));

    /// <summary>
    /// Teams a person is in, plus (a decision) every team of an organization they administer, so Org
    /// Admins can see the teams whose requests they may decide. Global Admins: all.
    /// </summary>
    public static IQueryable<Team> VisibleTeams(ApplicationDbContext db, Actor actor) =>
        actor.IsGlobalAdmin ? db.Teams : db.Teams.Where(t =>
            t.Members.Any(m => m.UserId == actor.Id) ||
            t.Organization.Members.Any(m => m.UserId == actor.Id && m.Role == OrganizationRole.Admin));

    /// <summary>
    /// Projects a person belongs to, directly or through a team added to it, plus (decisions) the
    /// projects of every team they are in (any role: "the team's project" is theirs to see, though it
    /// gives a Team Viewer no access to its assistants) and of an organization they administer. Global Admins: all.
    /// </summary>
    public static IQueryable<Project> VisibleProjects(ApplicationDbContext db, Actor actor) =>
        actor.IsGlobalAdmin ? db.Projects : db.Projects.Where(p =>
            p.UserMembers.Any(m => m.UserId == actor.Id) ||
            p.TeamMembers.Any(tm => tm.Team.Members.Any(m => m.UserId == actor.Id)) ||
            p.Organization.Members.Any(m => m.UserId == actor.Id && m.Role == OrganizationRole.Admin) ||
            (p.Team != null && p.Team.Members.Any(m => m.UserId == actor.Id)));

    /// <summary>Only Global Admins create organizations (SPEC §3).</summary>
    public static bool CanCreateOrganization(Actor actor) => GlobalRoles.CanCreateOrganizations(actor.Role);

    /// <summary>
    /// Adding and removing plain members: Global Admins, and (a decision) the organization's Org Admins,
    /// who otherwise could not bring their own people in.
    /// </summary>
    public static bool CanManageOrganizationMembers(Actor actor, OrganizationRole? actorRole) =>
        actor.IsGlobalAdmin || actorRole == OrganizationRole.Admin;

    /// <summary>Making, unmaking, adding or removing an Org Admin: Global Admins only (SPEC §3 "manage their admins").</summary>
    public static bool CanManageOrganizationAdmins(Actor actor) => GlobalRoles.CanCreateOrganizations(actor.Role);

    /// <summary>Global Admins and Application Admins create teams, in any organization (SPEC §3).</summary>
    public static bool CanCreateTeam(Actor actor) => GlobalRoles.CanCreateTeams(actor.Role);

    /// <summary>Global Admins manage every team; everyone else only the teams they own (SPEC §3).</summary>
    public static bool CanManageTeamMembers(Actor actor, TeamRole? actorRole) =>
        GlobalRoles.CanManageTeamMembers(actor.Role, actorRole == TeamRole.Owner);

    /// <summary>Renaming a team: whoever manages its members (Global Admins, its Team Owners; SPEC §3).</summary>
    public static bool CanRenameTeam(Actor actor, TeamRole? actorRole) => CanManageTeamMembers(actor, actorRole);

    /// <summary>
    /// A decision: only Global Admins delete a team, not its Team Owners. Deleting takes away access that
    /// other people gave (assistant owners' grants, project admins' memberships) and takes the team's
    /// projects out of the team, so it is the installation's admins' to do; an owner who wants out can
    /// leave or hand the team over.
    /// </summary>
    public static bool CanDeleteTeam(Actor actor) => actor.IsGlobalAdmin;

    /// <summary>Renaming and deleting an organization: Global Admins only, like creating one (SPEC §3).</summary>
    public static bool CanRenameOrDeleteOrganization(Actor actor) => CanCreateOrganization(actor);

    /// <summary>
    /// A decision: a project's members and teams are managed by Global Admins, its Admins (directly or
    /// through a team), the Org Admins of its organization and the Team Owners of the team it belongs to.
    /// </summary>
    public static IQueryable<Project> ManageableProjects(ApplicationDbContext db, Actor actor) =>
        actor.IsGlobalAdmin ? db.Projects : db.Projects.Where(p =>
            p.UserMembers.Any(m => m.UserId == actor.Id && m.Role == ProjectRole.Admin) ||
            p.TeamMembers.Any(tm => tm.Role == ProjectRole.Admin && tm.Team.Members.Any(m => m.UserId == actor.Id)) ||
            p.Organization.Members.Any(m => m.UserId == actor.Id && m.Role == OrganizationRole.Admin) ||
            (p.Team != null && p.Team.Members.Any(m => m.UserId == actor.Id && m.Role == TeamRole.Owner)));

    /// <summary>
    /// A decision: everyone may create projects (SPEC §3), but only in an organization they are a member
    /// of, and for a team only one they are in (any role). Global Admins anywhere.
    /// </summary>
    public static IQueryable<Organization> OrganizationsForNewProjects(ApplicationDbContext db, Actor actor) =>
        VisibleOrganizations(db, actor);

    /// <inheritdoc cref="OrganizationsForNewProjects"/>
    public static IQueryable<Team> TeamsForNewProjects(ApplicationDbContext db, Actor actor) =>
        actor.IsGlobalAdmin ? db.Teams : db.Teams.Where(t => t.Members.Any(m => m.UserId == actor.Id));

    public static string DisplayName(this OrganizationRole role) => role == OrganizationRole.Admin ? "Org Admin" : "Member";

    public static string DisplayName(this TeamRole role) => role == TeamRole.Owner ? "Team Owner" : "Team Viewer";

    public static string DisplayName(this ProjectRole role) => role == ProjectRole.Admin ? "Admin" : "Member";
}
