using System.Security.Cryptography;
using System.Text;
using AssistantPortal.Data;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.ApiKeys;
using Microsoft.EntityFrameworkCore;
using static AssistantPortal.Tests.Features.KeysAndLinksServices;

namespace AssistantPortal.Tests.Features.ApiKeys;

public sealed class CreateApiKeyTests : UseCaseTestBase
{
    [Fact]
    public async Task CreateApiKey_AsReadWrite_ReturnsSecretAndStoresOnlyHashAndPrefix()
    {
        var owner = await Seed.UserAsync("olga");
        var editor = await Seed.UserAsync("ed");
        var assistant = await Seed.AssistantAsync(owner);
        await Seed.GrantAsync(assistant, editor, AccessLevel.ReadWrite);

        var result = await Get<CreateApiKey>().ExecuteAsync(Principal(editor), assistant.Id, "  CRM sync  ", AccessLevel.ReadOnly);

        Assert.True(result.Succeeded);
        var key = result.Key!;
        Assert.StartsWith("ap_", key.Secret);
        Assert.Equal(46, key.Secret.Length);
        Assert.True(ApiKeyGenerator.IsWellFormed(key.Secret));
        await using var db = Database.CreateDbContext();
        var row = await db.ApiKeys.SingleAsync();
        Assert.Equal("CRM sync", row.Name);
        Assert.Equal(AccessLevel.ReadOnly, row.Level);
        Assert.Equal(key.Secret[..10], row.DisplayPrefix);
        Assert.Equal(SHA256.HashData(Encoding.ASCII.GetBytes(key.Secret)), row.Hash);
        Assert.Equal(editor.Id, row.CreatedByUserId);
        Assert.Equal(Start.UtcDateTime, row.CreatedAt);
        Assert.Null(row.LastUsedAt);
    }

    [Fact]
    public async Task CreateApiKey_StoredRow_HoldsNoSecretInAnyColumn()
    {
        var owner = await Seed.UserAsync("olga");
        var assistant = await Seed.AssistantAsync(owner);

        var secret = (await Get<CreateApiKey>().ExecuteAsync(Principal(owner), assistant.Id, "Webhook", AccessLevel.UseOnly)).Key!.Secret;

        var body = secret["ap_".Length..];
        var bodyBytes = Convert.FromBase64String(body.Replace('-', '+').Replace('_', '/') + "=");
        var columns = await ReadAllColumnsAsync("""SELECT * FROM "ApiKeys" """);
        Assert.NotEmpty(columns);
        foreach (var (_, value) in columns)
        {
            var text = value switch
            {
                byte[] bytes => Encoding.Latin1.GetString(bytes) + " " + Convert.ToHexString(bytes) + " " + Convert.ToBase64String(bytes),
                null => "",
                _ => Convert.ToString(value, System.Globalization.CultureInfo.InvariantCulture)!,
            };
            Assert.DoesNotContain(secret, text);
            Assert.DoesNotContain(body, text);
            // The random part must not appear in any other shape either (raw bytes, hex, base64).
            Assert.DoesNotContain(Convert.ToHexString(bodyBytes), text);
            Assert.DoesNotContain(Convert.ToBase64String(bodyBytes).TrimEnd('='), text);
            Assert.DoesNotContain(Encoding.Latin1.GetString(bodyBytes), text);
        }
        // Nor is it written to the audit log.
        foreach (var (_, value) in await ReadAllColumnsAsync("""SELECT * FROM "AuditEntries" """))
        {
            Assert.DoesNotContain(body, Convert.ToString(value) ?? "");
        }
    }

    [Fact]
    public async Task CreateApiKey_RecordsApiKeyCreatedInTheAuditLog()
    {
        var owner = await Seed.UserAsync("olga");
        var assistant = await Seed.AssistantAsync(owner, "Helpdesk");

        var key = (await Get<CreateApiKey>().ExecuteAsync(Principal(owner), assistant.Id, "Webhook", AccessLevel.UseOnly)).Key!;

        await using var db = Database.CreateDbContext();
        var entry = await db.AuditEntries.SingleAsync();
        Assert.Equal(AuditAction.ApiKeyCreated, entry.Action);
        Assert.Equal(owner.Id, entry.ActorUserId);
        Assert.Equal("olga", entry.ActorName);
        Assert.Equal(assistant.Id, entry.AssistantId);
        Assert.Equal("Helpdesk", entry.AssistantName);
        Assert.Equal("Webhook", entry.Target);
        Assert.Contains("Use only", entry.Details);
        Assert.Contains(key.DisplayPrefix, entry.Details);
    }

    [Fact]
    public async Task CreateApiKey_TwoKeys_HaveDifferentSecretsAndPrefixes()
    {
        var owner = await Seed.UserAsync("olga");
        var assistant = await Seed.AssistantAsync(owner);
        var create = Get<CreateApiKey>();

        var first = (await create.ExecuteAsync(Principal(owner), assistant.Id, "One", AccessLevel.UseOnly)).Key!;
        var second = (await create.ExecuteAsync(Principal(owner), assistant.Id, "Two", AccessLevel.UseOnly)).Key!;

        Assert.NotEqual(first.Secret, second.Secret);
        Assert.NotEqual(first.DisplayPrefix, second.DisplayPrefix);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData(null)]
    public async Task CreateApiKey_WithEmptyName_IsRefusedOnTheNameAndStoresNothing(string? name)
    {
        var owner = await Seed.UserAsync("olga");
        var assistant = await Seed.AssistantAsync(owner);

        var result = await Get<CreateApiKey>().ExecuteAsync(Principal(owner), assistant.Id, name, AccessLevel.UseOnly);

        Assert.False(result.Succeeded);
        Assert.Equal(nameof(ApiKey.Name), result.Field);
        Assert.Equal("Enter a name for the key.", result.Error);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task CreateApiKey_WithOverLongName_IsRefusedOnTheNameAndStoresNothing()
    {
        var owner = await Seed.UserAsync("olga");
        var assistant = await Seed.AssistantAsync(owner);

        var result = await Get<CreateApiKey>().ExecuteAsync(Principal(owner), assistant.Id, new string('k', 101), AccessLevel.UseOnly);

        Assert.False(result.Succeeded);
        Assert.Equal(nameof(ApiKey.Name), result.Field);
        Assert.Equal("The name can be at most 100 characters.", result.Error);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task CreateApiKey_WithNameOfExactlyMaxLength_IsCreated()
    {
        var owner = await Seed.UserAsync("olga");
        var assistant = await Seed.AssistantAsync(owner);

        var result = await Get<CreateApiKey>().ExecuteAsync(Principal(owner), assistant.Id, new string('k', 100), AccessLevel.UseOnly);

        Assert.True(result.Succeeded);
    }

    [Fact]
    public async Task CreateApiKey_WithLevelAboveOwn_IsRefusedOnTheLevelAndStoresNothing()
    {
        var owner = await Seed.UserAsync("olga");
        var editor = await Seed.UserAsync("ed");
        var assistant = await Seed.AssistantAsync(owner);
        await Seed.GrantAsync(assistant, editor, AccessLevel.ReadWrite);

        var result = await Get<CreateApiKey>().ExecuteAsync(Principal(editor), assistant.Id, "Too strong", AccessLevel.Owner);

        Assert.False(result.Succeeded);
        Assert.Equal(nameof(ApiKey.Level), result.Field);
        Assert.Equal("A key can have at most Read and write access.", result.Error);
        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task CreateApiKey_WithDuplicateName_IsRefusedOnTheName()
    {
        var owner = await Seed.UserAsync("olga");
        var assistant = await Seed.AssistantAsync(owner);
        var create = Get<CreateApiKey>();
        await create.ExecuteAsync(Principal(owner), assistant.Id, "Webhook", AccessLevel.UseOnly);

        var result = await create.ExecuteAsync(Principal(owner), assistant.Id, "Webhook", AccessLevel.ReadOnly);

        Assert.False(result.Succeeded);
        Assert.Equal(nameof(ApiKey.Name), result.Field);
        Assert.Equal("This assistant already has a key with that name.", result.Error);
        await using var db = Database.CreateDbContext();
        Assert.Equal(1, await db.ApiKeys.CountAsync());
    }

    [Fact]
    public async Task CreateApiKey_SameNameFromSeveralTabsAtOnce_CreatesExactlyOne()
    {
        var owner = await Seed.UserAsync("olga");
        var assistant = await Seed.AssistantAsync(owner);

        var results = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ =>
            Task.Run(() => Get<CreateApiKey>().ExecuteAsync(Principal(owner), assistant.Id, "Webhook", AccessLevel.UseOnly))));

        Assert.Single(results, r => r.Succeeded);
        Assert.All(results.Where(r => !r.Succeeded), r => Assert.Equal("This assistant already has a key with that name.", r.Error));
        await using var db = Database.CreateDbContext();
        Assert.Equal(1, await db.ApiKeys.CountAsync());
    }

    [Theory]
    [InlineData(AccessLevel.UseOnly)]
    [InlineData(AccessLevel.ReadOnly)]
    public async Task CreateApiKey_BelowReadAndWrite_IsNotFoundAndStoresNothing(AccessLevel viewerLevel)
    {
        var owner = await Seed.UserAsync("olga");
        var viewer = await Seed.UserAsync("vic");
        var assistant = await Seed.AssistantAsync(owner);
        await Seed.GrantAsync(assistant, viewer, viewerLevel);

        await Assert.ThrowsAsync<AssistantNotFoundException>(() =>
            Get<CreateApiKey>().ExecuteAsync(Principal(viewer), assistant.Id, "Mine", AccessLevel.UseOnly));

        await AssertNothingStoredAsync();
    }

    [Fact]
    public async Task CreateApiKey_OnUnknownAssistant_IsNotFound()
    {
        var admin = await Seed.UserAsync("root", GlobalRole.GlobalAdmin);

        await Assert.ThrowsAsync<AssistantNotFoundException>(() =>
            Get<CreateApiKey>().ExecuteAsync(Principal(admin), 4242, "Ghost", AccessLevel.UseOnly));
    }

    private async Task AssertNothingStoredAsync()
    {
        await using var db = Database.CreateDbContext();
        Assert.Equal(0, await db.ApiKeys.CountAsync());
        Assert.Equal(0, await db.AuditEntries.CountAsync());
    }

    private async Task<List<(string Column, object? Value)>> ReadAllColumnsAsync(string sql)
    {
        // Below EF, on the database's own connection: every column of every row, whatever the model maps.
        await using var db = Database.CreateDbContext();
        var connection = db.Database.GetDbConnection();
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        await using var reader = await command.ExecuteReaderAsync();
        var values = new List<(string, object?)>();
        while (await reader.ReadAsync())
        {
            for (var i = 0; i < reader.FieldCount; i++)
            {
                values.Add((reader.GetName(i), reader.IsDBNull(i) ? null : reader.GetValue(i)));
            }
        }
        return values;
    }
}
