namespace AssistantPortal.Features.Admin.Users;

/// <summary>
/// In-process signal that an account's global role or lock changed. The revalidating authentication state
/// provider of each of that person's open circuits listens, checks the account again at once and re-raises
/// its authentication state (or signs the circuit out), so open tabs follow the change (SPEC §3, last line).
/// With several instances, a carrier between them plugs in here, as for <see cref="Access.IAccessChangeEvents"/>.
/// </summary>
public interface IUserSessionEvents
{
    /// <summary>The account <paramref name="userId"/> changed in a way its open tabs must notice.</summary>
    void PublishUserChanged(string userId);

    /// <summary>Raised with the id of the account that changed.</summary>
    event Action<string>? UserChanged;
}

/// <inheritdoc />
public sealed class UserSessionEvents : IUserSessionEvents
{
    public event Action<string>? UserChanged;

    public void PublishUserChanged(string userId) => UserChanged?.Invoke(userId);
}
