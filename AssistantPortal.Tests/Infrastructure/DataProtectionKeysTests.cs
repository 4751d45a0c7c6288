using Microsoft.AspNetCore.DataProtection;
using Microsoft.Extensions.DependencyInjection;
using Xunit;

namespace AssistantPortal.Tests.Infrastructure;

/// <summary>Data Protection keys are kept in the data folder, so a restarted app still reads what it protected.</summary>
public sealed class DataProtectionKeysTests
{
    [Fact]
    public void ProtectedValue_IsReadableByTheNextAppOnTheSameDataFolder()
    {
        using var first = new AppFactory();
        var secret = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("sk-secret");

        Assert.NotEmpty(Directory.GetFiles(Path.Combine(first.DataPath, "keys"), "key-*.xml"));
        using var second = new SameDataFolderApp(first.DataPath);
        Assert.Equal("sk-secret", second.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(secret));
    }

    private sealed class SameDataFolderApp(string dataPath) : AppFactory
    {
        protected override void ConfigureWebHost(Microsoft.AspNetCore.Hosting.IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Portal:DataPath", dataPath);
        }
    }
}
