namespace AssistantPortal.Infrastructure;

/// <summary>The app's own settings, section "Portal" of configuration.</summary>
public sealed class PortalOptions
{
    public const string Section = "Portal";

    /// <summary>
    /// Folder for everything the app writes: the SQLite file, Data Protection keys and, with no SMTP
    /// server configured, outgoing mail as .eml files. Relative paths are under the content root.
    /// </summary>
    public string DataPath { get; set; } = "App_Data";

    /// <summary>
    /// When set, the account with this email becomes Global Admin when it is created, and the first
    /// account does not. When empty, the first account on a fresh database becomes Global Admin.
    /// </summary>
    public string? InitialGlobalAdminEmail { get; set; }

    /// <summary>Create demo people, teams and assistants on an empty database (documented in the README).</summary>
    public bool SeedDemoData { get; set; }

    /// <summary>Require a confirmed email before signing in. Off by default: the app runs with no mail server.</summary>
    public bool RequireConfirmedAccount { get; set; }

    /// <summary>The address links in emails point at, e.g. https://portal.example.com.</summary>
    public string? PublicBaseUrl { get; set; }

    public string ResolveDataPath(string contentRoot) =>
        Path.IsPathRooted(DataPath) ? DataPath : Path.Combine(contentRoot, DataPath);
}
