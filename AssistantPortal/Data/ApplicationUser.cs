using Microsoft.AspNetCore.Identity;

namespace AssistantPortal.Data;

/// <summary>An account. Every account has exactly one <see cref="GlobalRole"/> (SPEC §1, §3).</summary>
public class ApplicationUser : IdentityUser
{
    /// <summary>The account's one global role; read from the database on every request so a change applies at once.</summary>
    public GlobalRole GlobalRole { get; set; } = GlobalRole.User;

    /// <summary>When the account was created (UTC).</summary>
    public DateTime CreatedAt { get; set; }
}
