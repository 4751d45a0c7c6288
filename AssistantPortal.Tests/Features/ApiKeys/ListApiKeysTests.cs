using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.ApiKeys;
using static AssistantPortal.Tests.Features.KeysAndLinksServices;

namespace AssistantPortal.Tests.Features.ApiKeys;

public sealed class ListApiKeysTests : UseCaseTestBase
{
    [Fact]
    public async Task ListApiKeys_AsReadOnly_ShowsEveryKeyOfThisAssistantNewestFirst()
    {
        var owner = await Seed.UserAsync("olga");
        var reader = await Seed.UserAsync("rita");
        var assistant = await Seed.AssistantAsync(owner);
        var other = await Seed.AssistantAsync(owner, "Other");
        await Seed.GrantAsync(assistant, reader, AccessLevel.ReadOnly);
        var create = Get<CreateApiKey>();
        var first = (await create.ExecuteAsync(Principal(owner), assistant.Id, "First", AccessLevel.UseOnly)).Key!;
        Clock.Now = Start.AddMinutes(1);
        await create.ExecuteAsync(Principal(owner), assistant.Id, "Second", AccessLevel.ReadWrite);
        await create.ExecuteAsync(Principal(owner), other.Id, "Elsewhere", AccessLevel.UseOnly);

        var rows = await Get<ListApiKeys>().ExecuteAsync(Principal(reader), assistant.Id);

        Assert.Equal(["Second", "First"], rows.Select(r => r.Name));
        var row = rows[1];
        Assert.Equal(AccessLevel.UseOnly, row.Level);
        Assert.Equal(first.DisplayPrefix, row.DisplayPrefix);
        Assert.Equal("olga", row.CreatedBy);
        Assert.Equal(Start.UtcDateTime, row.CreatedAt);
        Assert.Null(row.LastUsedAt);
    }

    [Fact]
    public async Task ListApiKeys_AsUseOnly_IsNotFound()
    {
        var owner = await Seed.UserAsync("olga");
        var user = await Seed.UserAsync("uma");
        var assistant = await Seed.AssistantAsync(owner);
        await Seed.GrantAsync(assistant, user, AccessLevel.UseOnly);

        await Assert.ThrowsAsync<AssistantNotFoundException>(() => Get<ListApiKeys>().ExecuteAsync(Principal(user), assistant.Id));
    }
}
