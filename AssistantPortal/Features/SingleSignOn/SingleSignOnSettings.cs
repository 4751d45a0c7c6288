namespace AssistantPortal.Features.SingleSignOn;

/// <summary>
/// An OpenID Connect provider people may sign in with (section <c>Authentication:OpenIdConnect</c> of
/// configuration). Unset, the app offers local accounts only.
/// </summary>
public sealed class SingleSignOnSettings
{
    public const string Section = "Authentication:OpenIdConnect";

    /// <summary>The provider's issuer, e.g. https://login.example.com/realms/staff; its discovery document is read from there.</summary>
    public string? Authority { get; set; }

    public string? ClientId { get; set; }

    /// <summary>Empty for a public client (the code flow is protected by PKCE either way).</summary>
    public string? ClientSecret { get; set; }

    /// <summary>The label of the button on the sign-in page.</summary>
    public string DisplayName { get; set; } = "Single sign-on";

    /// <summary>Scopes asked for besides <c>openid</c>, <c>profile</c> and <c>email</c>.</summary>
    public string[] Scopes { get; set; } = [];

    /// <summary>Off only for a provider on plain HTTP, such as one on loopback in tests.</summary>
    public bool RequireHttpsMetadata { get; set; } = true;

    public bool IsConfigured => !string.IsNullOrWhiteSpace(Authority) && !string.IsNullOrWhiteSpace(ClientId);
}
