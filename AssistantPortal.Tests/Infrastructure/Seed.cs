using AssistantPortal.Data;

namespace AssistantPortal.Tests.Infrastructure;

/// <summary>Small builders for test fixtures; each saves at once and returns the saved entity.</summary>
public sealed class Seed(TestDatabase database)
{
    private static readonly DateTime Now = new(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);

    public async Task<ApplicationUser> UserAsync(string name, GlobalRole role = GlobalRole.User)
    {
        await using var db = database.CreateDbContext();
        var user = new ApplicationUser
        {
            UserName = name, NormalizedUserName = name.ToUpperInvariant(),
            Email = $"{name}@example.test", NormalizedEmail = $"{name}@example.test".ToUpperInvariant(),
            EmailConfirmed = true, GlobalRole = role, CreatedAt = Now, SecurityStamp = Guid.NewGuid().ToString(),
        };
        db.Users.Add(user);
        await db.SaveChangesAsync();
        return user;
    }

    public async Task<Organization> OrganizationAsync(string name, params (ApplicationUser User, OrganizationRole Role)[] members)
    {
        await using var db = database.CreateDbContext();
        var organization = new Organization { Name = name, CreatedAt = Now };
        organization.Members.AddRange(members.Select(m => new OrganizationMember { UserId = m.User.Id, Role = m.Role }));
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        return organization;
    }

    public async Task<Team> TeamAsync(Organization organization, string name, params (ApplicationUser User, TeamRole Role)[] members)
    {
        await using var db = database.CreateDbContext();
        var team = new Team { OrganizationId = organization.Id, Name = name, CreatedAt = Now };
        team.Members.AddRange(members.Select(m => new TeamMember { UserId = m.User.Id, Role = m.Role }));
        db.Teams.Add(team);
        await db.SaveChangesAsync();
        return team;
    }

    public async Task<Project> ProjectAsync(Organization organization, string name, Team? team = null)
    {
        await using var db = database.CreateDbContext();
        var project = new Project { OrganizationId = organization.Id, TeamId = team?.Id, Name = name, CreatedAt = Now };
        db.Projects.Add(project);
        await db.SaveChangesAsync();
        return project;
    }

    public async Task AddToProjectAsync(Project project, ApplicationUser user, ProjectRole role)
    {
        await using var db = database.CreateDbContext();
        db.ProjectUserMembers.Add(new ProjectUserMember { ProjectId = project.Id, UserId = user.Id, Role = role });
        await db.SaveChangesAsync();
    }

    public async Task AddToProjectAsync(Project project, Team team, ProjectRole role)
    {
        await using var db = database.CreateDbContext();
        db.ProjectTeamMembers.Add(new ProjectTeamMember { ProjectId = project.Id, TeamId = team.Id, Role = role });
        await db.SaveChangesAsync();
    }

    public async Task<Assistant> AssistantAsync(ApplicationUser owner, string name = "Helper", Project? project = null,
        PublicAccess publicAccess = PublicAccess.NotAccessible)
    {
        await using var db = database.CreateDbContext();
        var assistant = new Assistant
        {
            Name = name, OwnerId = owner.Id, ProjectId = project?.Id, PublicAccess = publicAccess,
            CreatedAt = Now, UpdatedAt = Now,
        };
        db.Assistants.Add(assistant);
        await db.SaveChangesAsync();
        return assistant;
    }

    public async Task GrantAsync(Assistant assistant, ApplicationUser user, AccessLevel level, ApplicationUser? by = null)
    {
        await using var db = database.CreateDbContext();
        db.AssistantUserGrants.Add(new AssistantUserGrant
        {
            AssistantId = assistant.Id, UserId = user.Id, Level = level, GrantedByUserId = by?.Id, GrantedAt = Now,
        });
        await db.SaveChangesAsync();
    }

    public async Task GrantAsync(Assistant assistant, Team team, AccessLevel level, ApplicationUser? by = null)
    {
        await using var db = database.CreateDbContext();
        db.AssistantTeamGrants.Add(new AssistantTeamGrant
        {
            AssistantId = assistant.Id, TeamId = team.Id, Level = level, GrantedByUserId = by?.Id, GrantedAt = Now,
        });
        await db.SaveChangesAsync();
    }

    public async Task GrantAsync(Assistant assistant, Organization organization, AccessLevel level, ApplicationUser? by = null)
    {
        await using var db = database.CreateDbContext();
        db.AssistantOrganizationGrants.Add(new AssistantOrganizationGrant
        {
            AssistantId = assistant.Id, OrganizationId = organization.Id, Level = level, GrantedByUserId = by?.Id, GrantedAt = Now,
        });
        await db.SaveChangesAsync();
    }
}
