using System.Security.Cryptography.X509Certificates;
using AssistantPortal.Data;
using Microsoft.AspNetCore.DataProtection;

namespace AssistantPortal.Infrastructure;

/// <summary>Configuration section "DataProtection": how the key ring is kept at rest.</summary>
public sealed class KeyRingOptions
{
    public const string Section = "DataProtection";

    /// <summary>A PKCS#12 (.pfx) file whose certificate encrypts the keys at rest; empty: the keys are stored as plain XML.</summary>
    public string CertificatePath { get; set; } = "";

    public string CertificatePassword { get; set; } = "";
}

public static class KeyRingExtensions
{
    /// <summary>
    /// Data Protection keys (cookies, antiforgery, model-alias API keys) live in the data folder's <c>keys</c>
    /// folder, so a restart or a new container keeps sessions and stored keys readable; on PostgreSQL they live
    /// in the database's DataProtectionKeys table instead, so every instance reads the cookies and keys the
    /// others wrote. With <see cref="KeyRingOptions.CertificatePath"/> set they are encrypted at rest with that
    /// certificate.
    /// </summary>
    public static IServiceCollection AddKeyRing(this IServiceCollection services, IConfiguration configuration, string dataPath)
    {
        var options = configuration.GetSection(KeyRingOptions.Section).Get<KeyRingOptions>() ?? new KeyRingOptions();
        var keyRing = services.AddDataProtection().SetApplicationName("AssistantPortal");
        if (DatabaseOptions.From(configuration).Provider == DatabaseProvider.PostgreSql)
        {
            keyRing.PersistKeysToDbContext<ApplicationDbContext>();
        }
        else
        {
            keyRing.PersistKeysToFileSystem(new DirectoryInfo(Path.Combine(dataPath, "keys")));
        }
        if (!string.IsNullOrWhiteSpace(options.CertificatePath))
        {
            var certificate = X509CertificateLoader.LoadPkcs12FromFile(options.CertificatePath,
                string.IsNullOrEmpty(options.CertificatePassword) ? null : options.CertificatePassword);
            keyRing.ProtectKeysWithCertificate(certificate);
        }
        return services;
    }
}
