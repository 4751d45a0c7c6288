using System.Data.Common;
using System.Diagnostics;
using AssistantPortal.Data;
using Microsoft.Data.Sqlite;

namespace AssistantPortal.Benchmarks;

/// <summary>
/// Fills a freshly migrated database (a SQLite file, or a PostgreSQL database) with a synthetic installation of one
/// <see cref="Scale"/>.
/// Rows go in through prepared INSERTs on one raw connection inside one transaction: EF's change
/// tracker would take minutes for the same quarter of a million rows. The data is deterministic for a seed.
/// </summary>
/// <remarks>
/// Shape: every user belongs to a home organization (one in ten to a second one as well); most people
/// are in one or two teams of their home organization and a few (1%) in 20 to 60 teams anywhere, as
/// support staff are; half the projects belong to a team; 70% of assistants live in a project; public
/// access is mostly "not accessible" with the other three values mixed in; grants are half user grants,
/// 30% team grants and 20% organization grants, at every grantable level.
/// </remarks>
public sealed class DataGenerator(ScaleSizes sizes, int seed)
{
    private static readonly DateTime Epoch = new(2026, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    private readonly Random _random = new(seed);

    /// <param name="connection">A new connection to the database (not opened yet); the generator owns it.</param>
    public async Task GenerateAsync(DbConnection connection)
    {
        var clock = Stopwatch.StartNew();
        await using var _ = connection;
        await connection.OpenAsync();
        if (connection is SqliteConnection)
        {
            await Execute(connection, "PRAGMA journal_mode=WAL; PRAGMA synchronous=OFF; PRAGMA cache_size=-200000; PRAGMA temp_store=MEMORY;");
        }
        await using (var transaction = await connection.BeginTransactionAsync())
        {
            var users = InsertUsers(connection, transaction);
            var homeOrganization = InsertOrganizations(connection, transaction, users);
            var teamsOfOrganization = InsertTeams(connection, transaction, users, homeOrganization);
            var projectOrganization = InsertProjects(connection, transaction, users, teamsOfOrganization);
            InsertProjectMembers(connection, transaction, users, homeOrganization, teamsOfOrganization, projectOrganization);
            InsertAssistants(connection, transaction, users, homeOrganization, projectOrganization);
            InsertGrants(connection, transaction, users);
            await transaction.CommitAsync();
        }
        // Deliberately no ANALYZE: the app never runs it, so the planner works without statistics here too
        // (PostgreSQL's autovacuum gathers them by itself in time, as it would in production).
        Console.WriteLine($"generated in {clock.Elapsed.TotalSeconds:F1} s");
    }

    private string[] InsertUsers(DbConnection connection, DbTransaction transaction)
    {
        using var insert = new BulkInsert(connection, transaction, "AspNetUsers",
            "Id", "UserName", "NormalizedUserName", "Email", "NormalizedEmail", "EmailConfirmed", "SecurityStamp",
            "ConcurrencyStamp", "PhoneNumberConfirmed", "TwoFactorEnabled", "LockoutEnabled", "AccessFailedCount",
            "GlobalRole", "CreatedAt");
        var ids = new string[sizes.Users];
        for (var i = 0; i < sizes.Users; i++)
        {
            ids[i] = NewGuid().ToString();
            var name = $"user{i:D5}@bench.test";
            // User 0 is the Global Admin of the "list-admin" entry; a few Application Admins besides.
            var role = i == 0 ? GlobalRole.GlobalAdmin : i <= 10 ? GlobalRole.ApplicationAdmin : GlobalRole.User;
            insert.Row(ids[i], name, name.ToUpperInvariant(), name, name.ToUpperInvariant(), true, NewGuid().ToString("N"),
                NewGuid().ToString(), false, false, true, 0, (int)role, Epoch.AddMinutes(i));
        }
        Report("users", sizes.Users);
        return ids;
    }

    /// <returns>The home organization of each user, by user index.</returns>
    private int[] InsertOrganizations(DbConnection connection, DbTransaction transaction, string[] users)
    {
        using (var insert = new BulkInsert(connection, transaction, "Organizations", "Id", "Name", "CreatedAt"))
        {
            for (var o = 1; o <= sizes.Organizations; o++)
            {
                insert.Row(o, $"Organization {o:D3}", Epoch);
            }
        }
        var home = new int[users.Length];
        var rows = 0;
        using (var insert = new BulkInsert(connection, transaction, "OrganizationMembers", "OrganizationId", "UserId", "Role"))
        {
            for (var u = 0; u < users.Length; u++)
            {
                home[u] = 1 + _random.Next(sizes.Organizations);
                insert.Row(home[u], users[u], _random.Next(50) == 0 ? (int)OrganizationRole.Admin : (int)OrganizationRole.Member);
                rows++;
                if (_random.Next(10) == 0)
                {
                    var second = 1 + _random.Next(sizes.Organizations);
                    if (second != home[u])
                    {
                        insert.Row(second, users[u], (int)OrganizationRole.Member);
                        rows++;
                    }
                }
            }
        }
        Report("organizations", sizes.Organizations);
        Report("organization members", rows);
        return home;
    }

    /// <returns>The team ids of each organization, by organization id.</returns>
    private List<int>[] InsertTeams(DbConnection connection, DbTransaction transaction, string[] users, int[] homeOrganization)
    {
        var teamsOfOrganization = Enumerable.Range(0, sizes.Organizations + 1).Select(_ => new List<int>()).ToArray();
        using (var insert = new BulkInsert(connection, transaction, "Teams", "Id", "OrganizationId", "Name", "CreatedByUserId", "CreatedAt"))
        {
            for (var t = 1; t <= sizes.Teams; t++)
            {
                var organization = 1 + (t - 1) % sizes.Organizations;
                teamsOfOrganization[organization].Add(t);
                insert.Row(t, organization, $"Team {t:D4}", users[_random.Next(users.Length)], Epoch);
            }
        }
        var rows = 0;
        using (var insert = new BulkInsert(connection, transaction, "TeamMembers", "TeamId", "UserId", "Role"))
        {
            var teams = new HashSet<int>();
            for (var u = 0; u < users.Length; u++)
            {
                teams.Clear();
                var home = teamsOfOrganization[homeOrganization[u]];
                var roll = _random.Next(100);
                if (roll == 0)
                {
                    // The few people in many teams, across organizations.
                    var count = 20 + _random.Next(41);
                    while (teams.Count < count)
                    {
                        teams.Add(1 + _random.Next(sizes.Teams));
                    }
                }
                else if (home.Count > 0)
                {
                    var count = roll < 60 ? 1 : roll < 92 ? 2 : 0;
                    for (var k = 0; k < count; k++)
                    {
                        teams.Add(home[_random.Next(home.Count)]);
                    }
                }
                foreach (var team in teams)
                {
                    insert.Row(team, users[u], _random.Next(10) == 0 ? (int)TeamRole.Owner : (int)TeamRole.Viewer);
                    rows++;
                }
            }
        }
        Report("teams", sizes.Teams);
        Report("team members", rows);
        return teamsOfOrganization;
    }

    /// <returns>The organization of each project, by project id.</returns>
    private int[] InsertProjects(DbConnection connection, DbTransaction transaction, string[] users, List<int>[] teamsOfOrganization)
    {
        var organizationOf = new int[sizes.Projects + 1];
        using var insert = new BulkInsert(connection, transaction, "Projects", "Id", "OrganizationId", "TeamId", "Name", "CreatedByUserId", "CreatedAt");
        for (var p = 1; p <= sizes.Projects; p++)
        {
            var organization = 1 + (p - 1) % sizes.Organizations;
            organizationOf[p] = organization;
            var teams = teamsOfOrganization[organization];
            object? team = teams.Count > 0 && _random.Next(2) == 0 ? teams[_random.Next(teams.Count)] : null;
            insert.Row(p, organization, team, $"Project {p:D4}", users[_random.Next(users.Length)], Epoch);
        }
        Report("projects", sizes.Projects);
        return organizationOf;
    }

    private void InsertProjectMembers(DbConnection connection, DbTransaction transaction, string[] users,
        int[] homeOrganization, List<int>[] teamsOfOrganization, int[] projectOrganization)
    {
        var usersOfOrganization = Enumerable.Range(0, sizes.Organizations + 1).Select(_ => new List<int>()).ToArray();
        for (var u = 0; u < users.Length; u++)
        {
            usersOfOrganization[homeOrganization[u]].Add(u);
        }
        int userRows = 0, teamRows = 0;
        using var userInsert = new BulkInsert(connection, transaction, "ProjectUserMembers", "ProjectId", "UserId", "Role");
        using var teamInsert = new BulkInsert(connection, transaction, "ProjectTeamMembers", "ProjectId", "TeamId", "Role");
        var chosen = new HashSet<int>();
        for (var p = 1; p <= sizes.Projects; p++)
        {
            var people = usersOfOrganization[projectOrganization[p]];
            chosen.Clear();
            var count = people.Count == 0 ? 0 : _random.Next(9);
            for (var k = 0; k < count; k++)
            {
                chosen.Add(people[_random.Next(people.Count)]);
            }
            foreach (var u in chosen)
            {
                userInsert.Row(p, users[u], _random.Next(7) == 0 ? (int)ProjectRole.Admin : (int)ProjectRole.Member);
                userRows++;
            }
            var teams = teamsOfOrganization[projectOrganization[p]];
            chosen.Clear();
            count = teams.Count == 0 ? 0 : _random.Next(3);
            for (var k = 0; k < count; k++)
            {
                chosen.Add(teams[_random.Next(teams.Count)]);
            }
            foreach (var t in chosen)
            {
                teamInsert.Row(p, t, _random.Next(10) == 0 ? (int)ProjectRole.Admin : (int)ProjectRole.Member);
                teamRows++;
            }
        }
        Report("project user members", userRows);
        Report("project team members", teamRows);
    }

    private void InsertAssistants(DbConnection connection, DbTransaction transaction, string[] users,
        int[] homeOrganization, int[] projectOrganization)
    {
        var usersOfOrganization = Enumerable.Range(0, sizes.Organizations + 1).Select(_ => new List<int>()).ToArray();
        for (var u = 0; u < users.Length; u++)
        {
            usersOfOrganization[homeOrganization[u]].Add(u);
        }
        string[] words = ["Helpdesk", "Contracts", "Onboarding", "Sales", "Research", "Payroll", "Legal", "Support", "Travel", "Security"];
        using var insert = new BulkInsert(connection, transaction, "Assistants",
            "Id", "Name", "Description", "Instructions", "ModelAlias", "Temperature", "MaxPassages", "OwnerId", "ProjectId",
            "PublicAccess", "ViewLinkToken", "EditLinkToken", "CreatedAt", "UpdatedAt");
        var publicAccessCounts = new int[4];
        for (var a = 1; a <= sizes.Assistants; a++)
        {
            object? project = _random.Next(10) < 7 ? 1 + _random.Next(sizes.Projects) : null;
            var people = project is int p ? usersOfOrganization[projectOrganization[p]] : null;
            var owner = people is { Count: > 0 } ? people[_random.Next(people.Count)] : _random.Next(users.Length);
            var roll = _random.Next(100);
            var publicAccess = roll < 55 ? PublicAccess.NotAccessible : roll < 75 ? PublicAccess.Team
                : roll < 90 ? PublicAccess.EveryoneSignedIn : PublicAccess.Everyone;
            publicAccessCounts[(int)publicAccess]++;
            var linked = publicAccess >= PublicAccess.EveryoneSignedIn;
            insert.Row(a, $"{words[_random.Next(words.Length)]} assistant {a:D5}", "A synthetic assistant for the benchmarks.",
                "Answer from the knowledge base.", "default", 0.2, 3, users[owner], project, (int)publicAccess,
                linked ? NewGuid().ToString("N") : null, linked ? NewGuid().ToString("N") : null,
                Epoch.AddSeconds(a), Epoch.AddSeconds(a));
        }
        Report("assistants", sizes.Assistants);
        Console.WriteLine($"  public access: {string.Join(", ", Enum.GetValues<PublicAccess>().Select(v => $"{v} {publicAccessCounts[(int)v]}"))}");
    }

    private void InsertGrants(DbConnection connection, DbTransaction transaction, string[] users)
    {
        var userGrants = sizes.Grants / 2;
        var teamGrants = sizes.Grants * 3 / 10;
        var organizationGrants = sizes.Grants - userGrants - teamGrants;
        InsertGrants(connection, transaction, "AssistantUserGrants", "UserId", userGrants, users.Length, i => users[i]);
        InsertGrants(connection, transaction, "AssistantTeamGrants", "TeamId", teamGrants, sizes.Teams, i => i + 1);
        InsertGrants(connection, transaction, "AssistantOrganizationGrants", "OrganizationId", organizationGrants, sizes.Organizations, i => i + 1);

        void InsertGrants(DbConnection connection, DbTransaction transaction, string table, string targetColumn,
            int count, int targets, Func<int, object> target)
        {
            using var insert = new BulkInsert(connection, transaction, table, "AssistantId", targetColumn, "Level", "GrantedByUserId", "GrantedAt");
            var pairs = new HashSet<long>();
            while (pairs.Count < count)
            {
                var assistant = 1 + _random.Next(sizes.Assistants);
                var t = _random.Next(targets);
                if (pairs.Add(((long)assistant << 32) | (uint)t))
                {
                    insert.Row(assistant, target(t), 1 + _random.Next(3), users[_random.Next(users.Length)], Epoch.AddMinutes(pairs.Count));
                }
            }
            Report(table, count);
        }
    }

    private Guid NewGuid()
    {
        Span<byte> bytes = stackalloc byte[16];
        _random.NextBytes(bytes);
        return new Guid(bytes);
    }

    private static void Report(string what, int rows) => Console.WriteLine($"  {what,-28} {rows,9:N0}");

    private static async Task Execute(DbConnection connection, string sql)
    {
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await command.ExecuteNonQueryAsync();
    }

    /// <summary>One prepared INSERT, executed once per row with its parameters rebound.</summary>
    private sealed class BulkInsert : IDisposable
    {
        private readonly DbCommand _command;

        public BulkInsert(DbConnection connection, DbTransaction transaction, string table, params string[] columns)
        {
            _command = connection.CreateCommand();
            _command.Transaction = transaction;
            _command.CommandText = $"INSERT INTO \"{table}\" ({string.Join(", ", columns.Select(c => $"\"{c}\""))}) " +
                $"VALUES ({string.Join(", ", columns.Select((_, i) => $"@p{i}"))})";
            for (var i = 0; i < columns.Length; i++)
            {
                var parameter = _command.CreateParameter();
                parameter.ParameterName = $"@p{i}";
                _command.Parameters.Add(parameter);
            }
            // Prepared once on SQLite; PostgreSQL would fix each parameter's type at the first row, where a
            // nullable column may be NULL, so there each row's statement is parsed (on the same connection, quickly).
            if (connection is SqliteConnection)
            {
                _command.Prepare();
            }
        }

        public void Row(params object?[] values)
        {
            for (var i = 0; i < values.Length; i++)
            {
                _command.Parameters[i].Value = values[i] ?? DBNull.Value;
            }
            _command.ExecuteNonQuery();
        }

        public void Dispose() => _command.Dispose();
    }
}
