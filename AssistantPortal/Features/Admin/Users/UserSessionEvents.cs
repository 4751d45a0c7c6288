using AssistantPortal.Infrastructure.ClusterEvents;

namespace AssistantPortal.Features.Admin.Users;

/// <summary>
/// In-process signal that an account's global role or lock changed. The revalidating authentication state
/// provider of each of that person's open circuits listens, checks the account again at once and re-raises
/// its authentication state (or signs the circuit out), so open tabs follow the change (SPEC §3, last line).
/// With several instances, <see cref="IClusterEventCarrier"/> carries each change to the others, as for
/// <see cref="Access.IAccessChangeEvents"/>.
/// </summary>
public interface IUserSessionEvents
{
    /// <summary>The account <paramref name="userId"/> changed in a way its open tabs must notice.</summary>
    void PublishUserChanged(string userId);

    /// <summary>Raised with the id of the account that changed.</summary>
    event Action<string>? UserChanged;
}

/// <summary>
/// Raises <see cref="UserChanged"/> for this instance's subscribers and hands each change to the
/// <see cref="IClusterEventCarrier"/>; changes published on other instances are raised here only, never sent on.
/// </summary>
public sealed class UserSessionEvents : IUserSessionEvents
{
    private readonly IClusterEventCarrier _carrier;

    /// <summary>A single instance, with nobody else to tell.</summary>
    public UserSessionEvents() : this(NoClusterEventCarrier.Instance)
    {
    }

    public UserSessionEvents(IClusterEventCarrier carrier)
    {
        _carrier = carrier;
        _carrier.Received += OnReceived;
    }

    public event Action<string>? UserChanged;

    public void PublishUserChanged(string userId)
    {
        _carrier.Send(new ClusterEvent(ClusterEventKind.UserChanged, [userId]));
        UserChanged?.Invoke(userId);
    }

    private void OnReceived(ClusterEvent clusterEvent)
    {
        if (clusterEvent.Kind == ClusterEventKind.UserChanged)
        {
            UserChanged?.Invoke(clusterEvent.Ids[0]);
        }
    }
}
