namespace AssistantPortal.Features.Access;

/// <summary>
/// In-process signal that access on an assistant may have changed (a grant, membership, role or
/// public-access change). Open assistant pages subscribe, resolve again and drop what the viewer may
/// no longer see (SPEC §2.1 last paragraph). With several instances, a carrier between them plugs in here.
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

/// <inheritdoc />
public sealed class AccessChangeEvents : IAccessChangeEvents
{
    public event Action<int?>? Changed;

    public void PublishAssistant(int assistantId) => Changed?.Invoke(assistantId);

    public void PublishAll() => Changed?.Invoke(null);
}
