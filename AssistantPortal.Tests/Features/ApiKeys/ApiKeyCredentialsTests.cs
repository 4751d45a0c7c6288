using AssistantPortal.Features.ApiKeys;
using Microsoft.AspNetCore.Http;

namespace AssistantPortal.Tests.Features.ApiKeys;

public sealed class ApiKeyCredentialsTests
{
    private const string Key = "ap_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA";

    [Fact]
    public void Read_BearerAuthorization_ReturnsTheKey() =>
        Assert.Equal(Key, ApiKeyCredentials.Read(new HeaderDictionary { ["Authorization"] = $"Bearer {Key}" }));

    [Fact]
    public void Read_XApiKeyHeader_ReturnsTheKey() =>
        Assert.Equal(Key, ApiKeyCredentials.Read(new HeaderDictionary { ["X-Api-Key"] = Key }));

    [Fact]
    public void Read_NoKeyHeaders_ReturnsNull() =>
        Assert.Null(ApiKeyCredentials.Read(new HeaderDictionary { ["Authorization"] = "Basic dXNlcjpwYXNz" }));

    [Fact]
    public void Read_TwoXApiKeyValues_ReturnsNull() =>
        Assert.Null(ApiKeyCredentials.Read(new HeaderDictionary { ["X-Api-Key"] = new(["a", "b"]) }));
}
