using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AssistantPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Tests.Api;

/// <summary>
/// SPEC §5 route by route against every kind of credential: no key, malformed, unknown, deleted, a key
/// of another assistant, and a key of each level. Errors must be problem details.
/// </summary>
public sealed class ApiMatrixTests(ApiFixture fixture) : IClassFixture<ApiFixture>
{
    public enum Credential
    {
        None,
        Malformed,
        Unknown,
        Deleted,
        OtherAssistant,
        UseOnly,
        ReadOnly,
        ReadWrite,
    }

    public static TheoryData<string, Credential, HttpStatusCode> Matrix()
    {
        var data = new TheoryData<string, Credential, HttpStatusCode>();
        var needs = new Dictionary<string, AccessLevel>
        {
            ["POST chat"] = AccessLevel.UseOnly,
            ["GET config"] = AccessLevel.ReadOnly,
            ["GET logs"] = AccessLevel.ReadOnly,
            ["PATCH config"] = AccessLevel.ReadWrite,
        };
        foreach (var (route, needed) in needs)
        {
            data.Add(route, Credential.None, HttpStatusCode.Unauthorized);
            data.Add(route, Credential.Malformed, HttpStatusCode.Unauthorized);
            data.Add(route, Credential.Unknown, HttpStatusCode.Unauthorized);
            data.Add(route, Credential.Deleted, HttpStatusCode.Unauthorized);
            data.Add(route, Credential.OtherAssistant, HttpStatusCode.NotFound);
            foreach (var (credential, level) in new[] { (Credential.UseOnly, AccessLevel.UseOnly), (Credential.ReadOnly, AccessLevel.ReadOnly), (Credential.ReadWrite, AccessLevel.ReadWrite) })
            {
                data.Add(route, credential, level >= needed ? HttpStatusCode.OK : HttpStatusCode.Forbidden);
            }
        }
        return data;
    }

    [Theory]
    [MemberData(nameof(Matrix))]
    public async Task Each_route_answers_each_credential_as_the_spec_says(string route, Credential credential, HttpStatusCode expected)
    {
        using var client = fixture.App.CreateClient();
        using var request = Request(route, fixture.AssistantId);
        var key = credential switch
        {
            Credential.None => null,
            Credential.Malformed => "not-a-key",
            Credential.Unknown => "ap_" + new string('A', 43),
            Credential.Deleted => fixture.DeletedKey,
            Credential.OtherAssistant => fixture.OtherAssistantKey,
            Credential.UseOnly => fixture.Keys[AccessLevel.UseOnly],
            Credential.ReadOnly => fixture.Keys[AccessLevel.ReadOnly],
            _ => fixture.Keys[AccessLevel.ReadWrite],
        };
        if (key is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
        }

        using var response = await client.SendAsync(request);

        Assert.Equal(expected, response.StatusCode);
        if (expected == HttpStatusCode.Unauthorized)
        {
            Assert.StartsWith("Bearer", response.Headers.WwwAuthenticate.ToString());
        }
        if (expected != HttpStatusCode.OK)
        {
            Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
            using var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync());
            Assert.Equal((int)expected, problem.RootElement.GetProperty("status").GetInt32());
            Assert.DoesNotContain("Helpdesk", problem.RootElement.ToString());
        }
    }

    [Fact]
    public async Task The_x_api_key_header_is_accepted_and_a_key_in_the_address_is_not()
    {
        using var client = fixture.App.CreateClient();
        var key = fixture.Keys[AccessLevel.ReadOnly];

        using var header = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/assistants/{fixture.AssistantId}");
        header.Headers.Add("X-Api-Key", key);
        using var viaHeader = await client.SendAsync(header);
        using var viaQuery = await client.GetAsync($"/api/v1/assistants/{fixture.AssistantId}?api_key={key}&key={key}");

        Assert.Equal(HttpStatusCode.OK, viaHeader.StatusCode);
        var configuration = await viaHeader.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal("Helpdesk", configuration.GetProperty("name").GetString());
        Assert.Equal(HttpStatusCode.Unauthorized, viaQuery.StatusCode);
    }

    [Fact]
    public async Task Using_a_key_records_when_it_was_last_used()
    {
        using var client = fixture.App.CreateClient();
        using var request = Request("GET config", fixture.AssistantId);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fixture.Keys[AccessLevel.ReadOnly]);

        using var response = await client.SendAsync(request);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = fixture.App.CreateDbContext();
        Assert.NotNull((await db.ApiKeys.SingleAsync(k => k.Name == "ReadOnly key")).LastUsedAt);
    }

    internal static HttpRequestMessage Request(string route, int assistantId) => route switch
    {
        "POST chat" => new(HttpMethod.Post, $"/api/v1/assistants/{assistantId}/chat")
        {
            Content = new StringContent("""{"message":"hello","conversationId":null}""", Encoding.UTF8, "application/json"),
        },
        "GET config" => new(HttpMethod.Get, $"/api/v1/assistants/{assistantId}"),
        "GET logs" => new(HttpMethod.Get, $"/api/v1/assistants/{assistantId}/logs?skip=0&take=10"),
        "PATCH config" => new(HttpMethod.Patch, $"/api/v1/assistants/{assistantId}")
        {
            Content = new StringContent("""{"description":"Answers questions"}""", Encoding.UTF8, "application/json"),
        },
        _ => throw new ArgumentOutOfRangeException(nameof(route)),
    };
}
