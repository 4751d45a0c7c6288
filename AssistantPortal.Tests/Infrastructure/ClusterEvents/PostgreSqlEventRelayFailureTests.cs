using AssistantPortal.Features.Access;
using AssistantPortal.Infrastructure.ClusterEvents;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace AssistantPortal.Tests.Infrastructure.ClusterEvents;

/// <summary>A relay whose database cannot be reached: publishers never notice, the relay logs and keeps trying.</summary>
public sealed class PostgreSqlEventRelayFailureTests
{
    [Fact]
    public async Task Publish_WhileTheDatabaseIsUnreachable_RaisesLocallyAndLogsTheFailures()
    {
        // Nothing listens on port 1, so every connection is refused at once.
        var unreachable = new NpgsqlConnectionStringBuilder(TestPostgres.ConnectionString()) { Port = 1 }.ToString();
        var logger = new RecordingLogger<PostgreSqlEventRelay>();
        using var relay = new PostgreSqlEventRelay(
            new PostgreSqlEventRelayOptions { ConnectionString = unreachable, Channel = "relay_test_unreachable", ReconnectDelay = TimeSpan.FromMilliseconds(20) },
            logger);
        var events = new AccessChangeEvents(relay);
        var seen = new List<int?>();
        events.Changed += seen.Add;
        await relay.StartAsync(CancellationToken.None);

        events.PublishAssistant(8);

        Assert.Equal([8], seen);
        await Eventually.UntilAsync(() => logger.Warnings().Any(m => m.StartsWith("Sending 1 event messages", StringComparison.Ordinal)), "the failed send is logged");
        await Eventually.UntilAsync(() => logger.Warnings().Count(m => m.StartsWith("Listening for events", StringComparison.Ordinal)) >= 2, "the listener keeps trying");
        Assert.False(relay.IsListening);
        await relay.StopAsync(CancellationToken.None);
    }

    private sealed class RecordingLogger<T> : ILogger<T>
    {
        private readonly List<string> _warnings = [];

        public List<string> Warnings()
        {
            lock (_warnings)
            {
                return [.. _warnings];
            }
        }

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (logLevel == LogLevel.Warning)
            {
                lock (_warnings)
                {
                    _warnings.Add(formatter(state, exception));
                }
            }
        }
    }
}
