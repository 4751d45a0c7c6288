using System.Text;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Xunit.Abstractions;

namespace AssistantPortal.Tests.Access;

/// <summary>
/// Holds the real resolver to <see cref="ReferenceAccessModel"/> on random worlds: every (viewer,
/// assistant) pair must get the same level, and an assistant must be in the viewer's visible list
/// (and in the right route's list) exactly when the level says so. Seeds are fixed, so a failure
/// reproduces; the message names the seed and the pair.
/// </summary>
public sealed class AccessResolverDifferentialTests(ITestOutputHelper output)
{
    private static readonly DateTime Now = new(2026, 11, 2, 9, 0, 0, DateTimeKind.Utc);

    /// <summary>Four worlds of 40 users and 80 assistants: 12,800 pairs, plus link and missing-assistant pairs.</summary>
    public static TheoryData<int> Seeds() => new() { 20261123, 7, 4242, 99991 };

    [Theory]
    [MemberData(nameof(Seeds))]
    public async Task Resolve_EveryPairOfARandomWorld_AgreesWithTheReferenceModel(int seed)
    {
        var random = new Random(seed);
        var world = RandomWorld(random, users: 40, assistants: 80);
        await using var database = new TestDatabase();
        await SaveAsync(database, world);
        var reference = new ReferenceAccessModel(world);
        var resolver = new AccessResolver(database);
        var mismatches = new List<string>();
        var pairs = 0;

        await using var db = database.CreateDbContext();
        // One open connection for the whole run: the pairs are many and each query is tiny.
        await db.Database.OpenConnectionAsync();
        var assistantIds = world.Assistants.Select(a => a.Id).Append(world.Assistants.Max(a => a.Id) + 1).ToList();
        foreach (var user in world.Users)
        {
            var resolved = new Dictionary<int, AccessLevel>();
            foreach (var assistantId in assistantIds.OrderBy(_ => random.Next()))
            {
                var access = await resolver.ResolveAsync(db, new Viewer(user.Id), assistantId);
                var expected = reference.Level(user.Id, null, assistantId);
                pairs++;
                resolved[assistantId] = access.Level;
                if (access.Level != expected)
                {
                    mismatches.Add(Describe(seed, world, reference, user.Id, null, assistantId, expected, access));
                }
                if (expected > AccessLevel.None && access.IsGlobalAdmin != (user.GlobalRole == GlobalRole.GlobalAdmin))
                {
                    mismatches.Add($"seed {seed}: user {Name(world, user.Id)} reported as role {access.ViewerRole}, is {user.GlobalRole}");
                }
            }
            await CompareVisibleAsync(seed, world, reference, resolver, db, user, resolved, mismatches);
        }

        // Links: signed in or not, the view link, the edit link, a stranger's token.
        foreach (var assistant in world.Assistants)
        {
            foreach (var token in new[] { assistant.ViewLinkToken, assistant.EditLinkToken, LinkTokens.Create() })
            {
                if (token is null)
                {
                    continue;
                }
                foreach (var userId in new[] { null, world.Users[random.Next(world.Users.Count)].Id })
                {
                    var access = await resolver.ResolveAsync(db, new Viewer(userId, token), assistant.Id);
                    var expected = reference.Level(userId, token, assistant.Id);
                    pairs++;
                    if (access.Level != expected)
                    {
                        mismatches.Add(Describe(seed, world, reference, userId, token, assistant.Id, expected, access));
                    }
                }
            }
        }

        output.WriteLine($"seed {seed}: {pairs} pairs compared, {mismatches.Count} mismatches");
        Assert.True(mismatches.Count == 0,
            $"{mismatches.Count} of {pairs} pairs disagree with the reference model (seed {seed}). First ones:\n" +
            string.Join("\n", mismatches.Take(10)));
        Assert.True(pairs >= 3200);
    }

    /// <summary>
    /// Once per viewer: the visible list holds exactly the assistants at Use only or more, and each route
    /// holds exactly the assistants that a row of that route reaches.
    /// </summary>
    private static async Task CompareVisibleAsync(int seed, AccessWorld world, ReferenceAccessModel reference, AccessResolver resolver,
        ApplicationDbContext db, ApplicationUser user, Dictionary<int, AccessLevel> resolved, List<string> mismatches)
    {
        var visible = await resolver.VisibleAssistants(db, user.Id, user.GlobalRole).Select(a => a.Id).ToListAsync();
        if (visible.Count != visible.Distinct().Count())
        {
            mismatches.Add($"seed {seed}: the visible list of {Name(world, user.Id)} holds an assistant twice");
        }
        foreach (var (assistantId, level) in resolved)
        {
            if (level >= AccessLevel.UseOnly != visible.Contains(assistantId))
            {
                mismatches.Add($"seed {seed}: {Name(world, user.Id)} resolves {level} on assistant {assistantId} " +
                               $"but it is {(visible.Contains(assistantId) ? "" : "not ")}in the visible list");
            }
        }

        var routes = new Dictionary<AccessRoute, int[]>
        {
            [AccessRoute.Owned] = [1],
            [AccessRoute.SharedWithMe] = [3, 5],
            [AccessRoute.ThroughTeam] = [4, 6, 7],
            [AccessRoute.ThroughProject] = [8, 9],
        };
        foreach (var (route, rows) in routes)
        {
            var actual = (await resolver.VisibleAssistants(db, user.Id, user.GlobalRole, route).Select(a => a.Id).ToListAsync()).ToHashSet();
            var expected = world.Assistants
                .Where(a => reference.Sources(user.Id, null, a.Id).Any(s => rows.Contains(s.Row) && s.Level >= AccessLevel.UseOnly))
                .Select(a => a.Id).ToHashSet();
            if (!actual.SetEquals(expected))
            {
                mismatches.Add($"seed {seed}: route {route} of {Name(world, user.Id)}: expected [{string.Join(",", expected.Order())}], " +
                               $"got [{string.Join(",", actual.Order())}]");
            }
        }
    }

    /// <summary>A random world: organizations, teams, projects (some a team's), memberships with every role, grants of every level, every public access, every global role.</summary>
    private static AccessWorld RandomWorld(Random random, int users, int assistants)
    {
        var world = new AccessWorld();
        T Pick<T>(IReadOnlyList<T> items) => items[random.Next(items.Count)];
        bool Chance(double p) => random.NextDouble() < p;
        AccessLevel GrantLevel() => Pick(AccessLevelText.Grantable);

        for (var i = 0; i < users; i++)
        {
            var role = Chance(0.06) ? GlobalRole.GlobalAdmin : Chance(0.1) ? GlobalRole.ApplicationAdmin : GlobalRole.User;
            var name = $"u{i}";
            world.Users.Add(new ApplicationUser
            {
                Id = Guid.NewGuid().ToString(), UserName = name, NormalizedUserName = name.ToUpperInvariant(),
                Email = $"{name}@example.test", NormalizedEmail = $"{name}@example.test".ToUpperInvariant(),
                GlobalRole = role, CreatedAt = Now, SecurityStamp = Guid.NewGuid().ToString(),
            });
        }

        for (var o = 1; o <= 3; o++)
        {
            world.Organizations.Add(new Organization { Id = o, Name = $"org{o}", CreatedAt = Now });
            foreach (var user in world.Users.Where(_ => Chance(0.4)))
            {
                world.OrganizationMembers.Add(new OrganizationMember
                {
                    OrganizationId = o, UserId = user.Id, Role = Chance(0.2) ? OrganizationRole.Admin : OrganizationRole.Member,
                });
            }
        }

        for (var t = 1; t <= 8; t++)
        {
            var organization = Pick(world.Organizations);
            world.Teams.Add(new Team { Id = t, OrganizationId = organization.Id, Name = $"team{t}", CreatedAt = Now });
            foreach (var user in world.Users.Where(_ => Chance(0.2)))
            {
                world.TeamMembers.Add(new TeamMember { TeamId = t, UserId = user.Id, Role = Chance(0.25) ? TeamRole.Owner : TeamRole.Viewer });
            }
        }

        for (var p = 1; p <= 12; p++)
        {
            var organization = Pick(world.Organizations);
            var teams = world.Teams.Where(t => t.OrganizationId == organization.Id).ToList();
            var project = new Project
            {
                Id = p, OrganizationId = organization.Id, Name = $"project{p}", CreatedAt = Now,
                TeamId = teams.Count > 0 && Chance(0.6) ? Pick(teams).Id : null,
            };
            world.Projects.Add(project);
            foreach (var user in world.Users.Where(_ => Chance(0.08)))
            {
                world.ProjectUserMembers.Add(new ProjectUserMember { ProjectId = p, UserId = user.Id, Role = Chance(0.3) ? ProjectRole.Admin : ProjectRole.Member });
            }
            foreach (var team in world.Teams.Where(_ => Chance(0.15)))
            {
                world.ProjectTeamMembers.Add(new ProjectTeamMember { ProjectId = p, TeamId = team.Id, Role = Chance(0.3) ? ProjectRole.Admin : ProjectRole.Member });
            }
        }

        for (var a = 1; a <= assistants; a++)
        {
            var assistant = new Assistant
            {
                Id = a, Name = $"assistant{a}", OwnerId = Pick(world.Users).Id,
                ProjectId = Chance(0.7) ? Pick(world.Projects).Id : null,
                PublicAccess = Pick(Enum.GetValues<PublicAccess>()),
                ViewLinkToken = Chance(0.5) ? LinkTokens.Create() : null,
                EditLinkToken = Chance(0.4) ? LinkTokens.Create() : null,
                CreatedAt = Now, UpdatedAt = Now,
            };
            world.Assistants.Add(assistant);
            foreach (var user in world.Users.Where(_ => Chance(0.06)))
            {
                world.UserGrants.Add(new AssistantUserGrant { AssistantId = a, UserId = user.Id, Level = GrantLevel(), GrantedAt = Now });
            }
            foreach (var team in world.Teams.Where(_ => Chance(0.12)))
            {
                world.TeamGrants.Add(new AssistantTeamGrant { AssistantId = a, TeamId = team.Id, Level = GrantLevel(), GrantedAt = Now });
            }
            foreach (var organization in world.Organizations.Where(_ => Chance(0.12)))
            {
                world.OrganizationGrants.Add(new AssistantOrganizationGrant { AssistantId = a, OrganizationId = organization.Id, Level = GrantLevel(), GrantedAt = Now });
            }
            // Requests that were never approved: they must grant nothing.
            if (Chance(0.3))
            {
                var toTeam = Chance(0.5);
                world.ShareRequests.Add(new ShareRequest
                {
                    AssistantId = a, TargetKind = toTeam ? ShareTargetKind.Team : ShareTargetKind.Organization,
                    TeamId = toTeam ? Pick(world.Teams).Id : null, OrganizationId = toTeam ? null : Pick(world.Organizations).Id,
                    RequestedLevel = GrantLevel(), RequestedByUserId = assistant.OwnerId, RequestedAt = Now,
                    Status = Pick(new[] { ShareRequestStatus.Pending, ShareRequestStatus.Deleted, ShareRequestStatus.Withdrawn }),
                });
            }
        }
        return world;
    }

    private static async Task SaveAsync(TestDatabase database, AccessWorld world)
    {
        await using var db = database.CreateDbContext();
        db.ChangeTracker.AutoDetectChangesEnabled = false;
        db.Users.AddRange(world.Users);
        db.Organizations.AddRange(world.Organizations);
        db.OrganizationMembers.AddRange(world.OrganizationMembers);
        db.Teams.AddRange(world.Teams);
        db.TeamMembers.AddRange(world.TeamMembers);
        db.Projects.AddRange(world.Projects);
        db.ProjectUserMembers.AddRange(world.ProjectUserMembers);
        db.ProjectTeamMembers.AddRange(world.ProjectTeamMembers);
        db.Assistants.AddRange(world.Assistants);
        db.AssistantUserGrants.AddRange(world.UserGrants);
        db.AssistantTeamGrants.AddRange(world.TeamGrants);
        db.AssistantOrganizationGrants.AddRange(world.OrganizationGrants);
        db.ShareRequests.AddRange(world.ShareRequests);
        await db.SaveChangesAsync();
    }

    /// <summary>The smallest story of a mismatch: who, which assistant, what each side says and why.</summary>
    private static string Describe(int seed, AccessWorld world, ReferenceAccessModel reference, string? userId, string? token,
        int assistantId, AccessLevel expected, AssistantAccess actual)
    {
        var text = new StringBuilder($"seed {seed}: viewer {(userId is null ? "anonymous" : Name(world, userId))}");
        if (token is not null)
        {
            text.Append(" with a link");
        }
        text.Append($", assistant {assistantId}");
        if (world.Assistants.FirstOrDefault(a => a.Id == assistantId) is { } assistant)
        {
            var project = world.Projects.FirstOrDefault(p => p.Id == assistant.ProjectId);
            text.Append($" (owner {Name(world, assistant.OwnerId)}, project {project?.Name ?? "none"}, " +
                        $"team {project?.TeamId?.ToString() ?? "none"}, public access {assistant.PublicAccess})");
        }
        else
        {
            text.Append(" (missing)");
        }
        if (userId is not null)
        {
            var teams = world.TeamMembers.Where(m => m.UserId == userId).Select(m => $"team{m.TeamId}:{m.Role}");
            var organizations = world.OrganizationMembers.Where(m => m.UserId == userId).Select(m => $"org{m.OrganizationId}:{m.Role}");
            var projects = world.ProjectUserMembers.Where(m => m.UserId == userId).Select(m => $"project{m.ProjectId}:{m.Role}");
            text.Append($"; viewer is in [{string.Join(", ", teams.Concat(organizations).Concat(projects))}]");
        }
        text.Append($"; grants: users [{string.Join(", ", world.UserGrants.Where(g => g.AssistantId == assistantId).Select(g => $"{Name(world, g.UserId)}:{g.Level}"))}]");
        text.Append($", teams [{string.Join(", ", world.TeamGrants.Where(g => g.AssistantId == assistantId).Select(g => $"team{g.TeamId}:{g.Level}"))}]");
        text.Append($", organizations [{string.Join(", ", world.OrganizationGrants.Where(g => g.AssistantId == assistantId).Select(g => $"org{g.OrganizationId}:{g.Level}"))}]");
        text.Append($": expected {expected} from rows [{string.Join(", ", reference.Sources(userId, token, assistantId).Select(s => $"{s.Row}:{s.Level}"))}]");
        text.Append($", resolver says {actual.Level} from [{string.Join(", ", actual.Sources.Select(s => $"{(int)s.Kind}:{s.Level}"))}]");
        return text.ToString();
    }

    private static string Name(AccessWorld world, string userId)
    {
        var user = world.Users.Single(u => u.Id == userId);
        return $"{user.UserName} ({user.GlobalRole})";
    }
}
