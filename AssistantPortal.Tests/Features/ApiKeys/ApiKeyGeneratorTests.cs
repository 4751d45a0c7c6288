using AssistantPortal.Features.ApiKeys;

namespace AssistantPortal.Tests.Features.ApiKeys;

public sealed class ApiKeyGeneratorTests
{
    [Fact]
    public void Generate_MakesAWellFormedKeyWhosePrefixAndHashMatchIt()
    {
        var key = ApiKeyGenerator.Generate();

        Assert.True(ApiKeyGenerator.IsWellFormed(key.Secret));
        Assert.Equal(key.Secret[..ApiKeyGenerator.DisplayPrefixLength], key.DisplayPrefix);
        Assert.Equal(ApiKeyGenerator.Hash(key.Secret), key.Hash);
        Assert.Equal(32, key.Hash.Length);
    }

    [Fact]
    public void Generate_CarriesAtLeast128BitsOfRandomness()
    {
        var body = ApiKeyGenerator.Generate().Secret[ApiKeyGenerator.Prefix.Length..];

        // 6 bits per base64url character.
        Assert.True(body.Length * 6 >= 128);
        Assert.Equal(1000, Enumerable.Range(0, 1000).Select(_ => ApiKeyGenerator.Generate().Secret).Distinct().Count());
    }
}
