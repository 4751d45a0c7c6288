using AssistantPortal.Data;
using AssistantPortal.Features.ApiKeys;
using Microsoft.EntityFrameworkCore;
using static AssistantPortal.Tests.Features.KeysAndLinksServices;

namespace AssistantPortal.Tests.Features.ApiKeys;

public sealed class ApiKeyValidatorTests : UseCaseTestBase
{
    [Fact]
    public async Task Validate_AValidKey_ReturnsItsAssistantAndLevelAndRecordsTheUse()
    {
        var owner = await Seed.UserAsync("olga");
        var assistant = await Seed.AssistantAsync(owner);
        var key = (await Get<CreateApiKey>().ExecuteAsync(Principal(owner), assistant.Id, "Webhook", AccessLevel.ReadOnly)).Key!;
        Clock.Now = Start.AddHours(2);

        var identity = await Get<ApiKeyValidator>().ValidateAsync(key.Secret);

        Assert.NotNull(identity);
        Assert.Equal(key.Id, identity.KeyId);
        Assert.Equal(assistant.Id, identity.AssistantId);
        Assert.Equal(AccessLevel.ReadOnly, identity.Level);
        Assert.Equal("Webhook", identity.Name);
        Assert.Equal(Start.AddHours(2).UtcDateTime, await LastUsedAsync(key.Id));
    }

    [Fact]
    public async Task Validate_WithinAMinuteOfTheLastUse_DoesNotWriteAgain()
    {
        var owner = await Seed.UserAsync("olga");
        var assistant = await Seed.AssistantAsync(owner);
        var key = (await Get<CreateApiKey>().ExecuteAsync(Principal(owner), assistant.Id, "Webhook", AccessLevel.UseOnly)).Key!;
        var validator = Get<ApiKeyValidator>();
        await validator.ValidateAsync(key.Secret);

        Clock.Now = Start.AddSeconds(30);
        await validator.ValidateAsync(key.Secret);
        Assert.Equal(Start.UtcDateTime, await LastUsedAsync(key.Id));

        Clock.Now = Start.AddMinutes(5);
        await validator.ValidateAsync(key.Secret);
        Assert.Equal(Start.AddMinutes(5).UtcDateTime, await LastUsedAsync(key.Id));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("Bearer ap_")]
    [InlineData("ap_short")]
    [InlineData("xx_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    [InlineData("ap_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA=")]
    [InlineData("ap_AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA")]
    public async Task Validate_AMissingMalformedOrUnknownKey_ReturnsNull(string? presented)
    {
        var owner = await Seed.UserAsync("olga");
        var assistant = await Seed.AssistantAsync(owner);
        await Get<CreateApiKey>().ExecuteAsync(Principal(owner), assistant.Id, "Webhook", AccessLevel.UseOnly);

        Assert.Null(await Get<ApiKeyValidator>().ValidateAsync(presented));
    }

    [Fact]
    public async Task Validate_AKeyWithOneCharacterChanged_ReturnsNull()
    {
        var owner = await Seed.UserAsync("olga");
        var assistant = await Seed.AssistantAsync(owner);
        var secret = (await Get<CreateApiKey>().ExecuteAsync(Principal(owner), assistant.Id, "Webhook", AccessLevel.UseOnly)).Key!.Secret;
        var last = secret[^1] == 'A' ? 'B' : 'A';

        Assert.Null(await Get<ApiKeyValidator>().ValidateAsync(secret[..^1] + last));
    }

    private async Task<DateTime?> LastUsedAsync(int keyId)
    {
        await using var db = Database.CreateDbContext();
        return await db.ApiKeys.Where(k => k.Id == keyId).Select(k => k.LastUsedAt).SingleAsync();
    }
}
