using System.Globalization;
using AssistantPortal.Infrastructure.ClusterEvents;

namespace AssistantPortal.Features.Access;

/// <summary>
/// In-process signal that access on an assistant may have changed (a grant, membership, role or
/// public-access change). Open assistant pages subscribe, resolve again and drop what the viewer may
/// no longer see (SPEC §2.1 last paragraph). With several instances, <see cref="IClusterEventCarrier"/> carries
/// each change to the others.
/// </summary>
public interface IAccessChangeEvents
{
    /// <summary>Access on this assistant may have changed.</summary>
    void PublishAssistant(int assistantId);

    /// <summary>Access on any assistant may have changed (memberships, roles, teams, projects).</summary>
    void PublishAll();

    /// <summary>Raised with the assistant id, or null for "any assistant".</summary>
    event Action<int?>? Changed;
}

/// <summary>
/// Raises <see cref="Changed"/> for this instance's subscribers and hands each change to the
/// <see cref="IClusterEventCarrier"/>; changes published on other instances are raised here only, never sent on.
/// </summary>
public sealed class AccessChangeEvents : IAccessChangeEvents
{
    private readonly IClusterEventCarrier _carrier;

    /// <summary>A single instance, with nobody else to tell.</summary>
    public AccessChangeEvents() : this(NoClusterEventCarrier.Instance)
    {
    }

    public AccessChangeEvents(IClusterEventCarrier carrier)
    {
        _carrier = carrier;
        _carrier.Received += OnReceived;
    }

    public event Action<int?>? Changed;

    public void PublishAssistant(int assistantId)
    {
        _carrier.Send(new ClusterEvent(ClusterEventKind.AssistantAccessChanged, [assistantId.ToString(CultureInfo.InvariantCulture)]));
        Changed?.Invoke(assistantId);
    }

    public void PublishAll()
    {
        _carrier.Send(new ClusterEvent(ClusterEventKind.AllAccessChanged, []));
        Changed?.Invoke(null);
    }

    private void OnReceived(ClusterEvent clusterEvent)
    {
        switch (clusterEvent.Kind)
        {
            case ClusterEventKind.AssistantAccessChanged when int.TryParse(clusterEvent.Ids[0], CultureInfo.InvariantCulture, out var assistantId):
                Changed?.Invoke(assistantId);
                break;
            case ClusterEventKind.AllAccessChanged:
                Changed?.Invoke(null);
                break;
        }
    }
}
