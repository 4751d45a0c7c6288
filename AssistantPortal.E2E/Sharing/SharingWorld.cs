using AssistantPortal.Data;
using AssistantPortal.E2E.Infrastructure;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace AssistantPortal.E2E.Sharing;

/// <summary>
/// Arranges the people, organizations, teams and assistants of the sharing scenarios directly in the app's
/// database (through Identity's <see cref="UserManager{TUser}"/> for accounts), so each test spends its
/// browser time on the flow it asserts. A placeholder Global Admin is created first: the first account of a
/// fresh installation becomes Global Admin, and none of the scenario's people may be one by accident.
/// </summary>
public sealed class SharingWorld(KestrelAppFactory app)
{
    private bool _adminCreated;

    /// <summary>Creates an account (user name = email, password <see cref="BrowserTest.Password"/>) and returns its id.</summary>
    public async Task<string> UserAsync(string email)
    {
        if (!_adminCreated)
        {
            _adminCreated = true;
            await CreateAsync("first-admin@e2e.test");
        }
        return await CreateAsync(email);
    }

    private async Task<string> CreateAsync(string email)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<ApplicationUser>>();
        var user = new ApplicationUser { UserName = email, Email = email, EmailConfirmed = true };
        var result = await users.CreateAsync(user, BrowserTest.Password);
        if (!result.Succeeded)
        {
            throw new InvalidOperationException($"Could not create {email}: {string.Join("; ", result.Errors.Select(e => e.Description))}");
        }
        return user.Id;
    }

    /// <summary>An organization with its members (user id, role).</summary>
    public async Task<int> OrganizationAsync(string name, params (string UserId, OrganizationRole Role)[] members)
    {
        await using var db = app.CreateDbContext();
        var organization = new Organization { Name = name, CreatedAt = DateTime.UtcNow };
        organization.Members.AddRange(members.Select(m => new OrganizationMember { UserId = m.UserId, Role = m.Role }));
        db.Organizations.Add(organization);
        await db.SaveChangesAsync();
        return organization.Id;
    }

    /// <summary>A team inside an organization with its members (user id, role).</summary>
    public async Task<int> TeamAsync(int organizationId, string name, params (string UserId, TeamRole Role)[] members)
    {
        await using var db = app.CreateDbContext();
        var team = new Team { OrganizationId = organizationId, Name = name, CreatedAt = DateTime.UtcNow };
        team.Members.AddRange(members.Select(m => new TeamMember { UserId = m.UserId, Role = m.Role }));
        db.Teams.Add(team);
        await db.SaveChangesAsync();
        return team.Id;
    }

    /// <summary>An assistant owned by <paramref name="ownerId"/>, in no project.</summary>
    public async Task<int> AssistantAsync(string ownerId, string name)
    {
        await using var db = app.CreateDbContext();
        var now = DateTime.UtcNow;
        var assistant = new Assistant { Name = name, Description = "Answers helpdesk questions.", OwnerId = ownerId, CreatedAt = now, UpdatedAt = now };
        db.Assistants.Add(assistant);
        await db.SaveChangesAsync();
        return assistant.Id;
    }

    /// <summary>A direct user grant, as if the owner had shared it earlier.</summary>
    public async Task GrantAsync(int assistantId, string userId, AccessLevel level, string grantedById)
    {
        await using var db = app.CreateDbContext();
        db.AssistantUserGrants.Add(new AssistantUserGrant
        {
            AssistantId = assistantId, UserId = userId, Level = level, GrantedByUserId = grantedById, GrantedAt = DateTime.UtcNow,
        });
        await db.SaveChangesAsync();
    }
}
