using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AssistantPortal.Tests.Infrastructure;

/// <summary>
/// Data Protection keys are kept in the data folder (in the database on PostgreSQL, shared by every instance), so a
/// restarted app, or another instance, still reads what it protected; a certificate encrypts them at rest.
/// </summary>
public sealed class DataProtectionKeysTests
{
    [Fact]
    public void ProtectedValue_IsReadableByTheNextAppOnTheSameDataFolder()
    {
        using var first = new AppFactory();
        var secret = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("sk-secret");

        Assert.NotEmpty(StoredKeys(first));
        // The same data folder, and on PostgreSQL the same database: a restart, or a second instance.
        var sameDatabase = first.Services.GetRequiredService<IConfiguration>().GetConnectionString("DefaultConnection");
        using var second = ConfiguredApp(sameDatabase is null
            ? [("Portal:DataPath", first.DataPath)]
            : [("Portal:DataPath", first.DataPath), ("ConnectionStrings:DefaultConnection", sameDatabase)]);
        Assert.Equal("sk-secret", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(secret));
    }

    [Fact]
    public void WithACertificate_TheStoredKeyIsEncrypted()
    {
        var pfx = Path.Combine(Path.GetTempPath(), $"ap-keyring-{Guid.NewGuid():N}.pfx");
        using (var rsa = RSA.Create(2048))
        {
            var request = new CertificateRequest("CN=AssistantPortal key ring", rsa, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
            using var certificate = request.CreateSelfSigned(DateTimeOffset.UtcNow.AddDays(-1), DateTimeOffset.UtcNow.AddYears(1));
            File.WriteAllBytes(pfx, certificate.Export(X509ContentType.Pfx, "pw"));
        }
        try
        {
            using var app = ConfiguredApp(("DataProtection:CertificatePath", pfx), ("DataProtection:CertificatePassword", "pw"));
            var protector = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");

            Assert.Equal("sk-secret", protector.Unprotect(protector.Protect("sk-secret")));
            var key = StoredKeys(app).Single();
            Assert.Contains("EncryptedXml", key);
            Assert.DoesNotContain("<masterKey", key);
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    /// <summary>The key ring as stored: files in the data folder, or rows of the database on PostgreSQL.</summary>
    private static List<string> StoredKeys(AppFactory app)
    {
        if (TestPostgres.IsSelected)
        {
            using var db = app.CreateDbContext();
            Assert.Empty(Directory.GetDirectories(app.DataPath, "keys"));
            return db.DataProtectionKeys.Select(k => k.Xml!).ToList();
        }
        return Directory.GetFiles(Path.Combine(app.DataPath, "keys"), "key-*.xml").Select(File.ReadAllText).ToList();
    }

    private static AppFactory ConfiguredApp(params (string Key, string Value)[] settings)
    {
        var app = new AppFactory();
        foreach (var (key, value) in settings)
        {
            app.Settings[key] = value;
        }
        return app;
    }
}
