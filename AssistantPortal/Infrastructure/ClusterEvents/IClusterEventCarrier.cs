namespace AssistantPortal.Infrastructure.ClusterEvents;

/// <summary>
/// Carries the in-process live-update signals (<see cref="Features.Access.IAccessChangeEvents"/>,
/// <see cref="Features.Admin.Users.IUserSessionEvents"/>, <see cref="Features.Notifications.INotificationEvents"/>)
/// to the other instances of the app, so a tab open on instance B follows a revocation, approval or notification
/// made on instance A (SPEC §11).
/// </summary>
/// <remarks>
/// <para>
/// The event classes raise their local subscribers themselves and hand each event to <see cref="Send"/>; what
/// arrives from other instances comes back through <see cref="Received"/> and is raised locally only, never sent
/// on again, so there are no echo loops and local subscribers see each event exactly once.
/// </para>
/// <para>
/// Delivery across instances is at most once: an instance that is not listening at the moment (starting, or
/// reconnecting to the database) misses the event. That is acceptable because these events only tell open tabs to
/// look again; they decide nothing. The server re-authorizes every read and every command, so a tab that missed a
/// revocation is refused at its next action and resolves again then.
/// </para>
/// <para>
/// A single instance (the SQLite default) needs no carrier: <see cref="NoClusterEventCarrier"/> is registered
/// unless <see cref="PostgreSqlEventRelayExtensions.AddPostgreSqlEventRelay"/> replaces it.
/// </para>
/// </remarks>
public interface IClusterEventCarrier
{
    /// <summary>
    /// Hands an event that was just raised locally to the other instances. Returns at once (the sending is queued)
    /// and never throws: a failure to carry an event is logged, not reported to the publisher.
    /// </summary>
    void Send(ClusterEvent clusterEvent);

    /// <summary>Raised for each event published by another instance (never for this instance's own events).</summary>
    event Action<ClusterEvent>? Received;
}

/// <summary>The kinds of live-update events carried between instances. Numeric values are on the wire: never reuse one.</summary>
public enum ClusterEventKind
{
    /// <summary>Access on one assistant may have changed; <see cref="ClusterEvent.Ids"/> holds its id.</summary>
    AssistantAccessChanged = 1,

    /// <summary>Access on any assistant may have changed; no ids.</summary>
    AllAccessChanged = 2,

    /// <summary>An account's role or lock changed; <see cref="ClusterEvent.Ids"/> holds its user id.</summary>
    UserChanged = 3,

    /// <summary>These users' notifications changed; <see cref="ClusterEvent.Ids"/> holds their user ids.</summary>
    NotificationsChanged = 4,
}

/// <summary>One live-update event: its kind and the ids it concerns (assistant ids in invariant decimal form).</summary>
public sealed record ClusterEvent(ClusterEventKind Kind, IReadOnlyList<string> Ids);

/// <summary>The carrier of a single instance: there is nobody to tell, and nothing ever arrives.</summary>
public sealed class NoClusterEventCarrier : IClusterEventCarrier
{
    public static readonly NoClusterEventCarrier Instance = new();

    public void Send(ClusterEvent clusterEvent)
    {
    }

    public event Action<ClusterEvent>? Received
    {
        add { }
        remove { }
    }
}
