using System.Security.Cryptography;
using Microsoft.AspNetCore.DataProtection;

namespace AssistantPortal.Features.Chat;

/// <summary>
/// Protects the API keys of model aliases at rest with ASP.NET Core Data Protection (the same key ring
/// as the sign-in cookies), under a purpose of their own so no other protected payload can be swapped in.
/// </summary>
public sealed class ModelAliasKeys(IDataProtectionProvider provider)
{
    public const string Purpose = "AssistantPortal.ModelAliases.ApiKey.v1";

    private readonly IDataProtector _protector = provider.CreateProtector(Purpose);

    public string Protect(string apiKey) => _protector.Protect(apiKey);

    /// <summary>The key, or null when it cannot be read (the key ring it was protected with is gone).</summary>
    public string? TryUnprotect(string protectedApiKey)
    {
        try
        {
            return _protector.Unprotect(protectedApiKey);
        }
        catch (CryptographicException)
        {
            return null;
        }
    }
}
