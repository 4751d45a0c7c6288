using System.Text.RegularExpressions;
using System.Threading.Channels;
using Npgsql;

namespace AssistantPortal.Infrastructure.ClusterEvents;

/// <summary>Settings of <see cref="PostgreSqlEventRelay"/>.</summary>
public sealed partial class PostgreSqlEventRelayOptions
{
    /// <summary>The PostgreSQL database all instances share (the app's own database).</summary>
    public string ConnectionString { get; set; } = "";

    /// <summary>
    /// The NOTIFY channel all instances of one deployment share: lower-case letters, digits and underscores,
    /// at most 63 characters (so it is the same identifier quoted or not).
    /// </summary>
    public string Channel { get; set; } = "assistantportal_events";

    /// <summary>The <c>application_name</c> of the listening connection, so it can be found in <c>pg_stat_activity</c>.</summary>
    public string ListenerApplicationName { get; set; } = "AssistantPortal event listener";

    /// <summary>The first wait before listening again after the connection dropped; it doubles up to <see cref="MaxReconnectDelay"/>.</summary>
    public TimeSpan ReconnectDelay { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan MaxReconnectDelay { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Events waiting to be sent; beyond this (the database unreachable for long) the oldest are dropped.</summary>
    public int QueueCapacity { get; set; } = 10_000;

    /// <summary>Throws when a setting cannot work.</summary>
    public void Validate()
    {
        if (string.IsNullOrWhiteSpace(ConnectionString))
        {
            throw new ArgumentException("The event relay needs a PostgreSQL connection string.", nameof(ConnectionString));
        }
        if (!ChannelName().IsMatch(Channel))
        {
            throw new ArgumentException($"The event relay channel '{Channel}' must be 1 to 63 lower-case letters, digits or underscores, starting with a letter or underscore.", nameof(Channel));
        }
        if (ReconnectDelay <= TimeSpan.Zero || MaxReconnectDelay < ReconnectDelay)
        {
            throw new ArgumentException("The event relay's reconnect delays must be positive, the maximum at least the first.", nameof(ReconnectDelay));
        }
        if (QueueCapacity < 1)
        {
            throw new ArgumentException("The event relay's queue capacity must be at least 1.", nameof(QueueCapacity));
        }
    }

    [GeneratedRegex("^[a-z_][a-z0-9_]{0,62}$")]
    private static partial Regex ChannelName();
}

/// <summary>
/// Carries live-update events between the instances of the app through PostgreSQL's LISTEN/NOTIFY (SPEC §11).
/// </summary>
/// <remarks>
/// <para>
/// <b>Why NOTIFY.</b> Instances that share a PostgreSQL database already share a message bus: NOTIFY reaches every
/// session LISTENing on the channel, with no broker to run, secure or configure. The events are small hints ("look
/// again at assistant 42", "these users have new notifications"), so a bus without persistence fits them.
/// </para>
/// <para>
/// <b>Listening.</b> One dedicated, unpooled connection (named <see cref="PostgreSqlEventRelayOptions.ListenerApplicationName"/>,
/// with TCP keepalive so a silently dead link is noticed) LISTENs on one channel and waits. When it drops (database
/// restart, network, a terminated backend), the relay logs it and listens again after a back-off that starts at
/// <see cref="PostgreSqlEventRelayOptions.ReconnectDelay"/> and doubles up to <see cref="PostgreSqlEventRelayOptions.MaxReconnectDelay"/>.
/// </para>
/// <para>
/// <b>Sending.</b> <see cref="Send"/> only queues the event (a bounded in-memory channel), so a request never waits
/// for the database; this service drains the queue and sends <c>SELECT pg_notify(channel, payload)</c> on a pooled
/// connection of its own, never inside the caller's EF transaction (the events are published after the commit
/// already, and a notification sent in a rolled-back transaction would be lost anyway). A failure is logged; the
/// publisher never sees it.
/// </para>
/// <para>
/// <b>Origin filter.</b> Each message carries this relay's <see cref="InstanceId"/>. NOTIFY also reaches the sender's
/// own listener; the relay ignores its own messages, because the event class already raised them locally. Events
/// from others are raised locally only and never sent on, so there are no echo loops and every subscriber sees an
/// event once.
/// </para>
/// <para>
/// <b>Size.</b> PostgreSQL refuses payloads of 8000 bytes or more, so a long list of user ids is split into several
/// messages (<see cref="ClusterEventCodec"/>).
/// </para>
/// <para>
/// <b>At most once.</b> An event sent while an instance is not listening (reconnecting, starting) is not replayed to
/// it, and queued events are dropped if the database stays unreachable. A tab on that instance then shows stale
/// state until its next action, and that action is safe: the server re-authorizes every read and every command,
/// so a revoked viewer is refused (as not found) and the page resolves again.
/// </para>
/// </remarks>
public sealed partial class PostgreSqlEventRelay : BackgroundService, IClusterEventCarrier
{
    /// <summary>Events drained into one round trip; a larger backlog takes several.</summary>
    private const int MaxEventsPerRoundTrip = 64;

    private readonly PostgreSqlEventRelayOptions _options;
    private readonly ILogger<PostgreSqlEventRelay> _logger;
    private readonly Channel<ClusterEvent> _outbox;
    private readonly NpgsqlDataSource _sendSource;
    private readonly string _listenerConnectionString;
    private long _listenSessions;
    private long _droppedEvents;
    private volatile bool _listening;

    public PostgreSqlEventRelay(PostgreSqlEventRelayOptions options, ILogger<PostgreSqlEventRelay> logger)
    {
        options.Validate();
        _options = options;
        _logger = logger;
        _outbox = Channel.CreateBounded<ClusterEvent>(
            new BoundedChannelOptions(options.QueueCapacity) { FullMode = BoundedChannelFullMode.DropOldest, SingleReader = true },
            OnEventDropped);
        _sendSource = NpgsqlDataSource.Create(options.ConnectionString);
        _listenerConnectionString = new NpgsqlConnectionStringBuilder(options.ConnectionString)
        {
            ApplicationName = options.ListenerApplicationName,
            // The listening session must stay one and the same; a pool would hand it back and forget the LISTEN.
            Pooling = false,
            Multiplexing = false,
            KeepAlive = 30,
        }.ToString();
    }

    /// <summary>Identifies this instance's messages on the channel, so it can ignore its own.</summary>
    public string InstanceId { get; } = Guid.NewGuid().ToString("N");

    /// <summary>Whether the listening connection is open and LISTENing now.</summary>
    public bool IsListening => _listening;

    /// <summary>How many times the relay has started listening: 1 after start, one more after each reconnect.</summary>
    public long ListenSessions => Interlocked.Read(ref _listenSessions);

    public event Action<ClusterEvent>? Received;

    public void Send(ClusterEvent clusterEvent)
    {
        // Bounded with DropOldest, so this never waits; it is false only once the relay is disposed.
        _outbox.Writer.TryWrite(clusterEvent);
    }

    protected override Task ExecuteAsync(CancellationToken stoppingToken) =>
        Task.WhenAll(ListenAsync(stoppingToken), SendQueuedAsync(stoppingToken));

    public override void Dispose()
    {
        _outbox.Writer.TryComplete();
        base.Dispose();
        _sendSource.Dispose();
    }

    private async Task ListenAsync(CancellationToken stoppingToken)
    {
        var delay = _options.ReconnectDelay;
        while (!stoppingToken.IsCancellationRequested)
        {
            try
            {
                await using var connection = new NpgsqlConnection(_listenerConnectionString);
                connection.Notification += OnNotification;
                await connection.OpenAsync(stoppingToken);
                await using (var listen = new NpgsqlCommand($"LISTEN {_options.Channel}", connection))
                {
                    await listen.ExecuteNonQueryAsync(stoppingToken);
                }
                _listening = true;
                var session = Interlocked.Increment(ref _listenSessions);
                LogListening(_options.Channel, session);
                delay = _options.ReconnectDelay;
                while (true)
                {
                    await connection.WaitAsync(stoppingToken);
                }
            }
            catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
            {
                return;
            }
            catch (Exception ex)
            {
                LogListenerLost(ex, _options.Channel, delay);
            }
            finally
            {
                _listening = false;
            }

            try
            {
                await Task.Delay(delay, stoppingToken);
            }
            catch (OperationCanceledException)
            {
                return;
            }
            delay = delay * 2 < _options.MaxReconnectDelay ? delay * 2 : _options.MaxReconnectDelay;
        }
    }

    private void OnNotification(object sender, NpgsqlNotificationEventArgs args)
    {
        if (args.Channel != _options.Channel)
        {
            return;
        }
        if (!ClusterEventCodec.TryDecode(args.Payload, out var origin, out var clusterEvent))
        {
            LogMalformed(args.PID);
            return;
        }
        if (origin == InstanceId)
        {
            // Our own message, already raised locally when it was published.
            return;
        }
        // Each subscriber on its own: one that throws must neither starve the others nor break the connection.
        foreach (var handler in Received?.GetInvocationList() ?? [])
        {
            try
            {
                ((Action<ClusterEvent>)handler)(clusterEvent);
            }
            catch (Exception ex)
            {
                LogSubscriberFailed(ex, clusterEvent.Kind);
            }
        }
    }

    private async Task SendQueuedAsync(CancellationToken stoppingToken)
    {
        var reader = _outbox.Reader;
        var payloads = new List<string>();
        try
        {
            while (await reader.WaitToReadAsync(stoppingToken))
            {
                payloads.Clear();
                for (var events = 0; events < MaxEventsPerRoundTrip && reader.TryRead(out var clusterEvent); events++)
                {
                    payloads.AddRange(ClusterEventCodec.Encode(InstanceId, clusterEvent, out var dropped));
                    if (dropped > 0)
                    {
                        LogIdsTooLong(dropped, clusterEvent.Kind);
                    }
                }
                await SendAsync(payloads, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
    }

    private async Task SendAsync(List<string> payloads, CancellationToken stoppingToken)
    {
        if (payloads.Count == 0)
        {
            return;
        }
        try
        {
            await using var connection = await _sendSource.OpenConnectionAsync(stoppingToken);
            await using var batch = new NpgsqlBatch(connection);
            foreach (var payload in payloads)
            {
                batch.BatchCommands.Add(new NpgsqlBatchCommand("SELECT pg_notify($1, $2)")
                {
                    Parameters = { new NpgsqlParameter { Value = _options.Channel }, new NpgsqlParameter { Value = payload } },
                });
            }
            await batch.ExecuteNonQueryAsync(stoppingToken);
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            throw;
        }
        catch (Exception ex)
        {
            // At most once: the other instances miss these; their tabs resolve again at their next action.
            LogSendFailed(ex, payloads.Count, _options.Channel);
        }
    }

    private void OnEventDropped(ClusterEvent clusterEvent)
    {
        // Logged at the first drop and then every thousandth, so an unreachable database does not flood the log.
        var dropped = Interlocked.Increment(ref _droppedEvents);
        if (dropped % 1000 == 1)
        {
            LogQueueFull(dropped, _options.QueueCapacity);
        }
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Listening for events of other instances on channel {Channel} (session {Session})")]
    private partial void LogListening(string channel, long session);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Listening for events of other instances on channel {Channel} failed; listening again in {Delay}")]
    private partial void LogListenerLost(Exception exception, string channel, TimeSpan delay);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sending {Count} event messages to other instances on channel {Channel} failed; they are dropped")]
    private partial void LogSendFailed(Exception exception, int count, string channel);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Ignored a malformed message on the event channel from backend {Pid}")]
    private partial void LogMalformed(int pid);

    [LoggerMessage(Level = LogLevel.Error, Message = "A subscriber failed on a {Kind} event from another instance")]
    private partial void LogSubscriberFailed(Exception exception, ClusterEventKind kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Left {Count} ids too long for a NOTIFY payload out of a {Kind} event")]
    private partial void LogIdsTooLong(int count, ClusterEventKind kind);

    [LoggerMessage(Level = LogLevel.Warning, Message = "The event queue is full ({Capacity}); dropped the oldest ({Dropped} so far)")]
    private partial void LogQueueFull(long dropped, int capacity);
}
