using AssistantPortal.Data;
using AssistantPortal.Features.Admin.Analytics;
using AssistantPortal.Tests.Infrastructure;
using static AssistantPortal.Tests.Features.Assistants.AssistantTestServices;

namespace AssistantPortal.Tests.Features.Admin.Analytics;

/// <summary>
/// The Analytics figures on a seeded database: counts per UTC day are exact at the day boundaries, the
/// period's end day is included and the day after it is not, and bad periods are refused with a message.
/// </summary>
public sealed class AnalyticsQueryTests : IAsyncLifetime
{
    private static readonly DateOnly From = new(2026, 11, 1);
    private static readonly DateOnly To = new(2026, 11, 5);

    private readonly TestDatabase _database = new();
    private readonly Seed _seed;
    private ApplicationUser _admin = null!;
    private Assistant _alpha = null!;
    private Assistant _beta = null!;

    public AnalyticsQueryTests() => _seed = new Seed(_database);

    private static DateTime At(int month, int day, int hour = 12, int minute = 0, int second = 0) =>
        new(2026, month, day, hour, minute, second, DateTimeKind.Utc);

    public async Task InitializeAsync()
    {
        _admin = await _seed.UserAsync("adam", GlobalRole.ApplicationAdmin);
        var team = await _seed.TeamAsync(await _seed.OrganizationAsync("Acme"), "Support");
        await using var db = _database.CreateDbContext();
        // Users: the admin (seeded 2026-11-02 09:00), two on Nov 1 (one a second before midnight), one at
        // midnight starting Nov 3, one at midnight after the period, one before it.
        foreach (var (name, createdAt) in new[]
                 {
                     ("early", At(11, 1, 0, 0, 0)), ("late", At(11, 1, 23, 59, 59)), ("midnight", At(11, 3, 0, 0, 0)),
                     ("after", At(11, 6, 0, 0, 0)), ("before", At(10, 31, 23, 59, 59)),
                 })
        {
            db.Users.Add(new ApplicationUser { UserName = name, NormalizedUserName = name.ToUpperInvariant(), CreatedAt = createdAt, SecurityStamp = name });
        }
        _alpha = new Assistant { Name = "Alpha", OwnerId = _admin.Id, CreatedAt = At(10, 15), UpdatedAt = At(10, 15) };
        _beta = new Assistant { Name = "Beta", OwnerId = _admin.Id, CreatedAt = At(11, 2), UpdatedAt = At(11, 2) };
        var gamma = new Assistant { Name = "Gamma", OwnerId = _admin.Id, CreatedAt = At(11, 6, 0), UpdatedAt = At(11, 6, 0) };
        db.Assistants.AddRange(_alpha, _beta, gamma);
        await db.SaveChangesAsync();

        db.Conversations.AddRange(
            new Conversation { AssistantId = _alpha.Id, UserId = _admin.Id, Title = "a", CreatedAt = At(11, 1, 8), UpdatedAt = At(11, 1, 8) },
            new Conversation { AssistantId = _alpha.Id, UserId = _admin.Id, Title = "b", CreatedAt = At(11, 3, 12), UpdatedAt = At(11, 3, 12) },
            new Conversation { AssistantId = _alpha.Id, UserId = _admin.Id, Title = "c", CreatedAt = At(11, 3, 23, 59, 59), UpdatedAt = At(11, 3, 23, 59, 59) },
            new Conversation { AssistantId = _beta.Id, UserId = _admin.Id, Title = "d", CreatedAt = At(10, 31, 23, 59, 59), UpdatedAt = At(10, 31, 23, 59, 59) });
        foreach (var (assistant, askedAt) in new[]
                 {
                     (_alpha, At(11, 1, 0, 0, 0)), (_alpha, At(11, 1, 9)), (_alpha, At(11, 3, 10)), (_alpha, At(11, 3, 11)),
                     (_alpha, At(11, 3, 23, 59, 59)), (_beta, At(11, 5, 23, 59, 59)), (_beta, At(10, 31, 23, 59, 59)),
                     (gamma, At(11, 6, 0, 0, 0)),
                 })
        {
            db.ChatExchanges.Add(new ChatExchange
            {
                AssistantId = assistant.Id, Origin = ChatOrigin.User, UserId = _admin.Id, WhoName = "adam", AskedAt = askedAt, Question = "q", Answer = "a",
            });
        }

        var users = db.Users.Local.Where(u => u.UserName is "early" or "late").ToList();
        db.AssistantUserGrants.AddRange(
            new AssistantUserGrant { AssistantId = _alpha.Id, UserId = users[0].Id, Level = AccessLevel.UseOnly, GrantedAt = At(11, 2) },
            new AssistantUserGrant { AssistantId = _beta.Id, UserId = users[1].Id, Level = AccessLevel.ReadOnly, GrantedAt = At(10, 20) });
        db.AssistantTeamGrants.Add(new AssistantTeamGrant { AssistantId = _alpha.Id, TeamId = team.Id, Level = AccessLevel.UseOnly, GrantedAt = At(11, 5, 23) });
        db.ShareRequests.AddRange(
            new ShareRequest { AssistantId = _alpha.Id, TargetKind = ShareTargetKind.Team, TeamId = team.Id, RequestedLevel = AccessLevel.ReadOnly,
                RequestedByUserId = _admin.Id, RequestedAt = At(11, 2), Status = ShareRequestStatus.Pending },
            new ShareRequest { AssistantId = _beta.Id, TargetKind = ShareTargetKind.Team, TeamId = team.Id, RequestedLevel = AccessLevel.ReadOnly,
                RequestedByUserId = _admin.Id, RequestedAt = At(10, 2), Status = ShareRequestStatus.Pending },
            new ShareRequest { AssistantId = gamma.Id, TargetKind = ShareTargetKind.Team, TeamId = team.Id, RequestedLevel = AccessLevel.ReadOnly,
                RequestedByUserId = _admin.Id, RequestedAt = At(11, 2), Status = ShareRequestStatus.Approved, DecidedAt = At(11, 3) });
        await db.SaveChangesAsync();
    }

    public async Task DisposeAsync() => await _database.DisposeAsync();

    private Task<AnalyticsResult> RunAsync(ApplicationUser user, DateOnly from, DateOnly to) =>
        new AnalyticsQuery(_database).ExecuteAsync(Principal(user), from, to);

    private static int[] Counts(IReadOnlyList<DayCount> days) => days.Select(d => d.Count).ToArray();

    [Fact]
    public async Task Report_CountsEachUtcDayExactly()
    {
        var report = (await RunAsync(_admin, From, To)).Report!;

        Assert.Equal([From, From.AddDays(1), From.AddDays(2), From.AddDays(3), To], report.ExchangesPerDay.Select(d => d.Day));
        Assert.Equal([2, 1, 1, 0, 0], Counts(report.NewUsersPerDay));
        Assert.Equal([1, 0, 2, 0, 0], Counts(report.ConversationsPerDay));
        Assert.Equal([2, 0, 3, 0, 1], Counts(report.ExchangesPerDay));
    }

    [Fact]
    public async Task Report_FiguresAreThePeriodsAndTheTotals()
    {
        var report = (await RunAsync(_admin, From, To)).Report!;

        Assert.Equal((6, 4), (report.TotalUsers, report.NewUsers));
        Assert.Equal((3, 1), (report.TotalAssistants, report.NewAssistants));
        Assert.Equal((3, 6), (report.Conversations, report.Exchanges));
        Assert.Equal((3, 2), (report.TotalShares, report.NewShares));
        Assert.Equal(2, report.PendingShareRequests);
    }

    [Fact]
    public async Task Report_RanksTheMostUsedAssistantsInThePeriod()
    {
        var report = (await RunAsync(_admin, From, To)).Report!;

        Assert.Equal([("Alpha", 5), ("Beta", 1)], report.TopAssistants.Select(a => (a.Name, a.Exchanges)));
    }

    [Fact]
    public async Task Report_KeepsTheTopTen()
    {
        await using (var db = _database.CreateDbContext())
        {
            for (var i = 1; i <= 12; i++)
            {
                var assistant = new Assistant { Name = $"Extra {i:00}", OwnerId = _admin.Id, CreatedAt = At(10, 1), UpdatedAt = At(10, 1) };
                db.Assistants.Add(assistant);
                for (var n = 0; n < i; n++)
                {
                    db.ChatExchanges.Add(new ChatExchange { Assistant = assistant, WhoName = "adam", AskedAt = At(11, 4), Question = "q", Answer = "a" });
                }
            }
            await db.SaveChangesAsync();
        }

        var top = (await RunAsync(_admin, From, To)).Report!.TopAssistants;

        Assert.Equal(10, top.Count);
        Assert.Equal(["Extra 12", "Extra 11", "Extra 10", "Extra 09", "Extra 08", "Extra 07", "Extra 06", "Alpha", "Extra 05", "Extra 04"],
            top.Select(a => a.Name));
    }

    [Fact]
    public async Task SingleDay_IncludesTheWholeDayOnly()
    {
        var report = (await RunAsync(_admin, To, To)).Report!;

        Assert.Equal([1], Counts(report.ExchangesPerDay));
        Assert.Equal(1, report.Exchanges);
    }

    [Fact]
    public async Task FromAfterTo_IsRefusedWithAMessage()
    {
        var result = await RunAsync(_admin, To, From);

        Assert.Null(result.Report);
        Assert.Equal("The start date must be on or before the end date.", result.Error);
    }

    [Fact]
    public async Task PeriodLongerThanAYear_IsRefusedWithAMessage()
    {
        var result = await RunAsync(_admin, new DateOnly(2025, 1, 1), new DateOnly(2026, 1, 2));

        Assert.Null(result.Report);
        Assert.Equal("Choose a period of at most 366 days.", result.Error);
    }

    [Fact]
    public async Task AsUser_IsNotFound()
    {
        var user = await _seed.UserAsync("uma");

        var result = await RunAsync(user, From, To);

        Assert.True(result.NotFound);
        Assert.Null(result.Report);
    }
}
