using System.Text;
using System.Text.Json;
using AssistantPortal.Infrastructure.ClusterEvents;
using Npgsql;

namespace AssistantPortal.Tests.Infrastructure.ClusterEvents;

/// <summary>
/// Two app instances (<see cref="RelayInstance"/>) on the machine's real PostgreSQL, each with its own relay and
/// event objects, on a channel no other test uses.
/// </summary>
public sealed class PostgreSqlEventRelayTests : IAsyncLifetime
{
    private readonly string _channel = "relay_test_" + Guid.NewGuid().ToString("N");
    private RelayInstance _a = null!;
    private RelayInstance _b = null!;

    public async Task InitializeAsync()
    {
        _a = await RelayInstance.StartAsync(_channel);
        _b = await RelayInstance.StartAsync(_channel);
    }

    public async Task DisposeAsync()
    {
        await _a.DisposeAsync();
        await _b.DisposeAsync();
    }

    [Fact]
    public async Task PublishAssistant_OnA_RaisesBWithTheSameIdAndAOnce()
    {
        _a.Access.PublishAssistant(42);

        await Eventually.UntilAsync(() => RelayInstance.Snapshot(_b.AccessSeen).Count == 1, "B hears of assistant 42");
        Assert.Equal([42], RelayInstance.Snapshot(_b.AccessSeen));
        await AssertAHasSeenItsEchoAsync();
        Assert.Equal([42], RelayInstance.Snapshot(_a.AccessSeen).Where(id => id != Marker));
    }

    [Fact]
    public async Task PublishAll_OnA_RaisesBWithNoAssistantId()
    {
        _a.Access.PublishAll();

        await Eventually.UntilAsync(() => RelayInstance.Snapshot(_b.AccessSeen).Count == 1, "B hears that any access changed");
        Assert.Equal([null], RelayInstance.Snapshot(_b.AccessSeen));
        await AssertAHasSeenItsEchoAsync();
        Assert.Equal([null], RelayInstance.Snapshot(_a.AccessSeen).Where(id => id != Marker));
    }

    [Fact]
    public async Task PublishUserChanged_OnA_RaisesBWithTheSameUserAndAOnce()
    {
        _a.Sessions.PublishUserChanged("user-7");

        await Eventually.UntilAsync(() => RelayInstance.Snapshot(_b.SessionsSeen).Count == 1, "B hears of user-7");
        Assert.Equal(["user-7"], RelayInstance.Snapshot(_b.SessionsSeen));
        await AssertAHasSeenItsEchoAsync();
        Assert.Equal(["user-7"], RelayInstance.Snapshot(_a.SessionsSeen));
    }

    [Fact]
    public async Task PublishNotifications_OnA_RaisesBWithTheSameUsersAndAOnce()
    {
        _a.Notifications.Publish(["user-1", "user-2", "user-1"]);

        await Eventually.UntilAsync(() => RelayInstance.Snapshot(_b.NotificationsSeen).Count == 1, "B hears of the users' notifications");
        Assert.Equal(["user-1", "user-2"], RelayInstance.Snapshot(_b.NotificationsSeen).Single());
        await AssertAHasSeenItsEchoAsync();
        Assert.Equal(["user-1", "user-2"], RelayInstance.Snapshot(_a.NotificationsSeen).Single());
    }

    [Fact]
    public async Task PublishNotifications_ForTenThousandUsers_ArriveCompleteInMessagesUnder8000Bytes()
    {
        var users = Enumerable.Range(0, 10_000).Select(_ => Guid.NewGuid().ToString()).ToArray();
        await using var wire = await WireTap.StartAsync(_channel);

        _a.Notifications.Publish(users);

        await Eventually.UntilAsync(
            () => RelayInstance.Snapshot(_b.NotificationsSeen).Sum(ids => ids.Count) == users.Length, "B hears of all 10,000 users");
        Assert.Equal(users.Order(), RelayInstance.Snapshot(_b.NotificationsSeen).SelectMany(ids => ids).Order());
        await Eventually.UntilAsync(() => wire.Payloads().Sum(IdCount) == users.Length, "every message is seen on the channel");
        var payloads = wire.Payloads();
        Assert.True(payloads.Count > 1, "a list this long takes several messages");
        Assert.All(payloads, p => Assert.True(Encoding.UTF8.GetByteCount(p) < 8000, $"a payload of {Encoding.UTF8.GetByteCount(p)} bytes was sent"));
        Assert.Equal(payloads.Count, RelayInstance.Snapshot(_b.NotificationsSeen).Count);
        Assert.Equal(users, RelayInstance.Snapshot(_a.NotificationsSeen).Single());
    }

    [Fact]
    public async Task OwnEcho_ArrivesOnTheChannel_AndIsIgnored()
    {
        await using var wire = await WireTap.StartAsync(_channel);

        _a.Access.PublishAssistant(5);

        await Eventually.UntilAsync(() => wire.Payloads().Count == 1, "A's message is on the channel, which A listens to");
        await AssertAHasSeenItsEchoAsync();
        Assert.Equal([5, Marker], RelayInstance.Snapshot(_a.AccessSeen));
    }

    [Fact]
    public async Task Listener_AfterItsConnectionIsKilled_ListensAgainAndReceivesLaterEvents()
    {
        await using (var admin = new NpgsqlConnection(TestPostgres.ConnectionString()))
        {
            await admin.OpenAsync();
            await using var kill = new NpgsqlCommand(
                "SELECT count(pg_terminate_backend(pid)) FROM pg_stat_activity WHERE application_name = $1", admin)
            {
                Parameters = { new NpgsqlParameter { Value = _b.ListenerName } },
            };
            Assert.Equal(1L, await kill.ExecuteScalarAsync());
        }

        await Eventually.UntilAsync(() => _b.Relay.ListenSessions == 2 && _b.Relay.IsListening, "B listens again");
        _a.Access.PublishAssistant(9);

        await Eventually.UntilAsync(() => RelayInstance.Snapshot(_b.AccessSeen).Count == 1, "B hears of assistant 9");
        Assert.Equal([9], RelayInstance.Snapshot(_b.AccessSeen));
    }

    [Fact]
    public async Task MalformedMessage_IsIgnored_AndTheListenerKeepsListening()
    {
        await using (var other = new NpgsqlConnection(TestPostgres.ConnectionString()))
        {
            await other.OpenAsync();
            foreach (var payload in new[] { "not json", """{"o":"x","k":99,"i":[]}""", """{"o":"x","k":1,"i":["not a number"]}""" })
            {
                await using var notify = new NpgsqlCommand("SELECT pg_notify($1, $2)", other)
                {
                    Parameters = { new NpgsqlParameter { Value = _channel }, new NpgsqlParameter { Value = payload } },
                };
                await notify.ExecuteNonQueryAsync();
            }
        }

        _a.Access.PublishAssistant(11);

        await Eventually.UntilAsync(() => RelayInstance.Snapshot(_b.AccessSeen).Count == 1, "B hears of assistant 11");
        Assert.Equal([11], RelayInstance.Snapshot(_b.AccessSeen));
        Assert.Equal(1, _b.Relay.ListenSessions);
    }

    [Fact]
    public async Task SubscriberThatThrows_DoesNotBreakTheListener()
    {
        _b.Access.Changed += _ => throw new InvalidOperationException("a broken tab");
        var sessions = new List<string>();
        _b.Sessions.UserChanged += id =>
        {
            lock (sessions)
            {
                sessions.Add(id);
            }
        };

        _a.Access.PublishAssistant(1);
        _a.Sessions.PublishUserChanged("user-3");

        await Eventually.UntilAsync(() => RelayInstance.Snapshot(sessions).Count == 1, "B still hears later events");
        Assert.Equal([1], RelayInstance.Snapshot(_b.AccessSeen));
        Assert.Equal(1, _b.Relay.ListenSessions);
    }

    private const int Marker = int.MinValue;

    /// <summary>
    /// Waits until A has read its own echo of everything it published. B answers with a marker once it has heard A;
    /// A's listener gets notifications in the order they were committed, and A's echo was committed before B sent
    /// the marker, so when A hears the marker it has already read (and ignored) its echo.
    /// </summary>
    private async Task AssertAHasSeenItsEchoAsync()
    {
        _b.Access.PublishAssistant(Marker);
        await Eventually.UntilAsync(() => RelayInstance.Snapshot(_a.AccessSeen).Contains(Marker), "A hears B's marker");
    }

    private static int IdCount(string payload)
    {
        using var json = JsonDocument.Parse(payload);
        return json.RootElement.GetProperty("i").GetArrayLength();
    }

    /// <summary>A plain LISTEN on the channel, to see the messages as they are on the wire.</summary>
    private sealed class WireTap : IAsyncDisposable
    {
        private readonly NpgsqlConnection _connection;
        private readonly CancellationTokenSource _stop = new();
        private readonly List<string> _payloads = [];
        private Task _waiting = Task.CompletedTask;

        private WireTap(NpgsqlConnection connection) => _connection = connection;

        public static async Task<WireTap> StartAsync(string channel)
        {
            var connection = new NpgsqlConnection(TestPostgres.ConnectionString());
            var tap = new WireTap(connection);
            connection.Notification += (_, e) =>
            {
                lock (tap._payloads)
                {
                    tap._payloads.Add(e.Payload);
                }
            };
            await connection.OpenAsync();
            await using (var listen = new NpgsqlCommand($"LISTEN {channel}", connection))
            {
                await listen.ExecuteNonQueryAsync();
            }
            tap._waiting = tap.WaitAsync();
            return tap;
        }

        public List<string> Payloads()
        {
            lock (_payloads)
            {
                return [.. _payloads];
            }
        }

        private async Task WaitAsync()
        {
            try
            {
                while (true)
                {
                    await _connection.WaitAsync(_stop.Token);
                }
            }
            catch (OperationCanceledException)
            {
            }
        }

        public async ValueTask DisposeAsync()
        {
            await _stop.CancelAsync();
            await _waiting;
            await _connection.DisposeAsync();
            _stop.Dispose();
        }
    }
}
