using System.Security.Claims;
using AssistantPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Features.Organizations;

public sealed record OrganizationRow(int Id, string Name, int MemberCount, int TeamCount, OrganizationRole? MyRole);
public sealed record TeamRow(int Id, string Name, string OrganizationName, int MemberCount, TeamRole? MyRole);
public sealed record ProjectRow(int Id, string Name, string OrganizationName, string? TeamName, int MemberCount, int TeamCount);
public sealed record MemberRow(string UserId, string UserName, int Role);
public sealed record TeamInProjectRow(int TeamId, string Name, ProjectRole Role);
public sealed record Choice(int Id, string Name, int? ParentId = null);

public sealed record OrganizationDetail(int Id, string Name, IReadOnlyList<MemberRow> Members, IReadOnlyList<Choice> Teams,
    bool CanManageMembers, bool CanManageAdmins, bool CanRenameAndDelete = false);
public sealed record TeamDetail(int Id, string Name, int OrganizationId, string OrganizationName, IReadOnlyList<MemberRow> Members, bool CanManage,
    bool CanDelete = false);
public sealed record ProjectDetail(int Id, string Name, int OrganizationId, string OrganizationName, string? TeamName,
    IReadOnlyList<MemberRow> Users, IReadOnlyList<TeamInProjectRow> Teams, bool CanManage);

/// <summary>
/// What the organization, team and project pages show: only what <see cref="MembershipPermissions"/>
/// lets the viewer see (an unknown or hidden id reads as null, i.e. not found), with a context per call.
/// </summary>
public sealed class MembershipQueries(IDbContextFactory<ApplicationDbContext> dbFactory)
{
    private const int SuggestionCount = 10;

    public async Task<(IReadOnlyList<OrganizationRow> Rows, bool CanCreate)> OrganizationsAsync(ClaimsPrincipal principal)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        if (await Actor.LoadAsync(db, principal) is not { } actor)
        {
            return ([], false);
        }
        var rows = await MembershipPermissions.VisibleOrganizations(db, actor).OrderBy(o => o.Name)
            .Select(o => new OrganizationRow(o.Id, o.Name, o.Members.Count, o.Teams.Count,
                o.Members.Where(m => m.UserId == actor.Id).Select(m => (OrganizationRole?)m.Role).FirstOrDefault()))
            .ToListAsync();
        return (rows, MembershipPermissions.CanCreateOrganization(actor));
    }

    public async Task<OrganizationDetail?> OrganizationAsync(ClaimsPrincipal principal, int id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        if (await Actor.LoadAsync(db, principal) is not { } actor)
        {
            return null;
        }
        var organization = await MembershipPermissions.VisibleOrganizations(db, actor).Where(o => o.Id == id)
            .Select(o => new { o.Id, o.Name }).FirstOrDefaultAsync();
        if (organization is null)
        {
            return null;
        }
        var members = await db.OrganizationMembers.Where(m => m.OrganizationId == id).OrderBy(m => m.User.UserName)
            .Select(m => new MemberRow(m.UserId, m.User.UserName!, (int)m.Role)).ToListAsync();
        var teams = await db.Teams.Where(t => t.OrganizationId == id).OrderBy(t => t.Name).Select(t => new Choice(t.Id, t.Name, null)).ToListAsync();
        var myRole = members.Where(m => m.UserId == actor.Id).Select(m => (OrganizationRole?)m.Role).FirstOrDefault();
        return new OrganizationDetail(organization.Id, organization.Name, members, teams,
            MembershipPermissions.CanManageOrganizationMembers(actor, myRole), MembershipPermissions.CanManageOrganizationAdmins(actor),
            MembershipPermissions.CanRenameOrDeleteOrganization(actor));
    }

    /// <summary>The teams the viewer sees, whether they may create teams, and the organizations a new team can go in.</summary>
    public async Task<(IReadOnlyList<TeamRow> Rows, bool CanCreate, IReadOnlyList<Choice> Organizations)> TeamsAsync(ClaimsPrincipal principal)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        if (await Actor.LoadAsync(db, principal) is not { } actor)
        {
            return ([], false, []);
        }
        var rows = await MembershipPermissions.VisibleTeams(db, actor).OrderBy(t => t.Name).ThenBy(t => t.Organization.Name)
            .Select(t => new TeamRow(t.Id, t.Name, t.Organization.Name, t.Members.Count,
                t.Members.Where(m => m.UserId == actor.Id).Select(m => (TeamRole?)m.Role).FirstOrDefault()))
            .ToListAsync();
        var canCreate = MembershipPermissions.CanCreateTeam(actor);
        var organizations = canCreate
            ? await db.Organizations.OrderBy(o => o.Name).Select(o => new Choice(o.Id, o.Name, null)).ToListAsync()
            : [];
        return (rows, canCreate, organizations);
    }

    public async Task<TeamDetail?> TeamAsync(ClaimsPrincipal principal, int id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        if (await Actor.LoadAsync(db, principal) is not { } actor)
        {
            return null;
        }
        var team = await MembershipPermissions.VisibleTeams(db, actor).Where(t => t.Id == id)
            .Select(t => new { t.Id, t.Name, t.OrganizationId, OrganizationName = t.Organization.Name }).FirstOrDefaultAsync();
        if (team is null)
        {
            return null;
        }
        var members = await db.TeamMembers.Where(m => m.TeamId == id).OrderByDescending(m => m.Role).ThenBy(m => m.User.UserName)
            .Select(m => new MemberRow(m.UserId, m.User.UserName!, (int)m.Role)).ToListAsync();
        var myRole = members.Where(m => m.UserId == actor.Id).Select(m => (TeamRole?)m.Role).FirstOrDefault();
        return new TeamDetail(team.Id, team.Name, team.OrganizationId, team.OrganizationName, members,
            MembershipPermissions.CanManageTeamMembers(actor, myRole), MembershipPermissions.CanDeleteTeam(actor));
    }

    /// <summary>The projects the viewer sees, and the organizations and teams a new project of theirs can go in.</summary>
    public async Task<(IReadOnlyList<ProjectRow> Rows, IReadOnlyList<Choice> Organizations, IReadOnlyList<Choice> Teams)> ProjectsAsync(ClaimsPrincipal principal)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        if (await Actor.LoadAsync(db, principal) is not { } actor)
        {
            return ([], [], []);
        }
        var rows = await MembershipPermissions.VisibleProjects(db, actor).OrderBy(p => p.Name).ThenBy(p => p.Organization.Name)
            .Select(p => new ProjectRow(p.Id, p.Name, p.Organization.Name, p.Team != null ? p.Team.Name : null,
                p.UserMembers.Count, p.TeamMembers.Count))
            .ToListAsync();
        var organizations = await MembershipPermissions.OrganizationsForNewProjects(db, actor).OrderBy(o => o.Name)
            .Select(o => new Choice(o.Id, o.Name, null)).ToListAsync();
        var teams = await MembershipPermissions.TeamsForNewProjects(db, actor).OrderBy(t => t.Name)
            .Select(t => new Choice(t.Id, t.Name, t.OrganizationId)).ToListAsync();
        return (rows, organizations, teams);
    }

    public async Task<ProjectDetail?> ProjectAsync(ClaimsPrincipal principal, int id)
    {
        await using var db = await dbFactory.CreateDbContextAsync();
        if (await Actor.LoadAsync(db, principal) is not { } actor)
        {
            return null;
        }
        var project = await MembershipPermissions.VisibleProjects(db, actor).Where(p => p.Id == id)
            .Select(p => new { p.Id, p.Name, p.OrganizationId, OrganizationName = p.Organization.Name, TeamName = p.Team != null ? p.Team.Name : null })
            .FirstOrDefaultAsync();
        if (project is null)
        {
            return null;
        }
        var users = await db.ProjectUserMembers.Where(m => m.ProjectId == id).OrderByDescending(m => m.Role).ThenBy(m => m.User.UserName)
            .Select(m => new MemberRow(m.UserId, m.User.UserName!, (int)m.Role)).ToListAsync();
        var teams = await db.ProjectTeamMembers.Where(m => m.ProjectId == id).OrderBy(m => m.Team.Name)
            .Select(m => new TeamInProjectRow(m.TeamId, m.Team.Name, m.Role)).ToListAsync();
        var canManage = await MembershipPermissions.ManageableProjects(db, actor).AnyAsync(p => p.Id == id);
        return new ProjectDetail(project.Id, project.Name, project.OrganizationId, project.OrganizationName, project.TeamName, users, teams, canManage);
    }

    /// <summary>
    /// User names for autocomplete, optionally only members of one organization. Any signed-in user may
    /// look names up, as in sharing (SPEC §4.1).
    /// </summary>
    public async Task<IReadOnlyList<string>> SearchUsersAsync(string? text, int? organizationId = null, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var normalized = (text ?? "").Trim().ToUpperInvariant();
        var users = db.Users.AsQueryable();
        if (organizationId is not null)
        {
            users = users.Where(u => db.OrganizationMembers.Any(m => m.OrganizationId == organizationId && m.UserId == u.Id));
        }
        if (normalized.Length > 0)
        {
            users = users.Where(u => u.NormalizedUserName!.Contains(normalized) || u.NormalizedEmail!.Contains(normalized));
        }
        return await users.OrderBy(u => u.UserName).Take(SuggestionCount).Select(u => u.UserName!).ToListAsync(ct);
    }

    /// <summary>Team names of one organization, for autocomplete.</summary>
    public async Task<IReadOnlyList<string>> SearchTeamsAsync(int organizationId, string? text, CancellationToken ct = default)
    {
        await using var db = await dbFactory.CreateDbContextAsync(ct);
        var typed = (text ?? "").Trim();
        var teams = db.Teams.Where(t => t.OrganizationId == organizationId);
        if (typed.Length > 0)
        {
            teams = teams.Where(t => t.Name.Contains(typed));
        }
        return await teams.OrderBy(t => t.Name).Take(SuggestionCount).Select(t => t.Name).ToListAsync(ct);
    }
}
