using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AssistantPortal.Tests.Infrastructure;

/// <summary>Data Protection keys are kept in the data folder, so a restarted app still reads what it protected; a certificate encrypts them at rest.</summary>
public sealed class DataProtectionKeysTests
{
    [Fact]
    public void ProtectedValue_IsReadableByTheNextAppOnTheSameDataFolder()
    {
        using var first = new AppFactory();
        var secret = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("sk-secret");

        Assert.NotEmpty(Directory.GetFiles(Path.Combine(first.DataPath, "keys"), "key-*.xml"));
        using var second = new ConfiguredApp(("Portal:DataPath", first.DataPath));
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
            using var app = new ConfiguredApp(("DataProtection:CertificatePath", pfx), ("DataProtection:CertificatePassword", "pw"));
            var protector = app.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test");

            Assert.Equal("sk-secret", protector.Unprotect(protector.Protect("sk-secret")));
            var key = File.ReadAllText(Directory.GetFiles(Path.Combine(app.DataPath, "keys"), "key-*.xml").Single());
            Assert.Contains("EncryptedXml", key);
            Assert.DoesNotContain("<masterKey", key);
        }
        finally
        {
            File.Delete(pfx);
        }
    }

    private sealed class ConfiguredApp(params (string Key, string Value)[] settings) : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            foreach (var (key, value) in settings)
            {
                builder.UseSetting(key, value);
            }
        }
    }
}
