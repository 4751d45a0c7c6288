using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using AssistantPortal.Data;
using Microsoft.EntityFrameworkCore;

namespace AssistantPortal.Tests.Api;

/// <summary>What the routes do with good and bad input, on a fresh app each.</summary>
public sealed class ApiBehaviourTests : IAsyncLifetime
{
    private readonly ApiFixture _fixture = new();
    private HttpClient _client = null!;

    public async Task InitializeAsync()
    {
        await _fixture.InitializeAsync();
        _client = _fixture.App.CreateClient();
    }

    public async Task DisposeAsync()
    {
        _client.Dispose();
        await _fixture.DisposeAsync();
    }

    private HttpRequestMessage Send(HttpMethod method, string path, string? json, AccessLevel level, string contentType = "application/json")
    {
        var request = new HttpRequestMessage(method, $"/api/v1/assistants/{_fixture.AssistantId}{path}");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _fixture.Keys[level]);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, contentType);
        }
        return request;
    }

    [Fact]
    public async Task Chat_answers_continues_the_conversation_and_logs_the_key_by_name()
    {
        using var first = await _client.SendAsync(Send(HttpMethod.Post, "/chat", """{"message":"hello there"}""", AccessLevel.UseOnly));
        var answer = await first.Content.ReadFromJsonAsync<JsonElement>();
        var conversationId = answer.GetProperty("conversationId").GetString();
        using var second = await _client.SendAsync(Send(HttpMethod.Post, "/chat", $$"""{"message":"and again","conversationId":"{{conversationId}}"}""", AccessLevel.UseOnly));

        Assert.Equal(HttpStatusCode.OK, first.StatusCode);
        Assert.Equal(HttpStatusCode.OK, second.StatusCode);
        Assert.False(string.IsNullOrEmpty(answer.GetProperty("answer").GetString()));
        Assert.Equal(JsonValueKind.Array, answer.GetProperty("citations").ValueKind);
        await using var db = _fixture.App.CreateDbContext();
        var logged = await db.ChatExchanges.OrderBy(e => e.Id).ToListAsync();
        Assert.Equal(["hello there", "and again"], logged.Select(e => e.Question));
        Assert.All(logged, e => Assert.Equal("API key: UseOnly key", e.WhoName));
        Assert.Single(logged.Select(e => e.ConversationId).Distinct());
    }

    [Fact]
    public async Task Another_keys_conversation_is_not_found()
    {
        using var first = await _client.SendAsync(Send(HttpMethod.Post, "/chat", """{"message":"hello"}""", AccessLevel.UseOnly));
        var conversationId = (await first.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("conversationId").GetString();

        using var other = await _client.SendAsync(Send(HttpMethod.Post, "/chat", $$"""{"message":"peek","conversationId":"{{conversationId}}"}""", AccessLevel.ReadWrite));

        Assert.Equal(HttpStatusCode.NotFound, other.StatusCode);
    }

    [Theory]
    [InlineData("""{"message":""}""", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("""{"message":"   "}""", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("""{"message":""", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("""{"message":42}""", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("""[]""", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("""null""", "application/json", HttpStatusCode.BadRequest)]
    [InlineData("""message=hi""", "application/x-www-form-urlencoded", HttpStatusCode.UnsupportedMediaType)]
    [InlineData("""{"message":"hi","conversationId":"abc"}""", "application/json", HttpStatusCode.NotFound)]
    [InlineData("""{"message":"hi","conversationId":"99999"}""", "application/json", HttpStatusCode.NotFound)]
    public async Task Bad_chat_bodies_get_problem_details_and_log_nothing(string body, string contentType, HttpStatusCode expected)
    {
        using var response = await _client.SendAsync(Send(HttpMethod.Post, "/chat", body, AccessLevel.UseOnly, contentType));

        Assert.Equal(expected, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        await using var db = _fixture.App.CreateDbContext();
        Assert.Empty(await db.ChatExchanges.ToListAsync());
    }

    [Fact]
    public async Task A_huge_message_or_body_is_refused()
    {
        var longMessage = JsonSerializer.Serialize(new { message = new string('x', Data.Configurations.ChatLimits.Question + 1) });
        var hugeBody = JsonSerializer.Serialize(new { message = "hi", padding = new string('x', 100_000) });

        using var tooLong = await _client.SendAsync(Send(HttpMethod.Post, "/chat", longMessage, AccessLevel.UseOnly));
        using var tooBig = await _client.SendAsync(Send(HttpMethod.Post, "/chat", hugeBody, AccessLevel.UseOnly));

        Assert.Equal(HttpStatusCode.BadRequest, tooLong.StatusCode);
        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, tooBig.StatusCode);
    }

    [Fact]
    public async Task Patch_changes_only_the_fields_sent()
    {
        using var response = await _client.SendAsync(Send(HttpMethod.Patch, "", """{"name":"Service desk","temperature":0.7}""", AccessLevel.ReadWrite));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        await using var db = _fixture.App.CreateDbContext();
        var assistant = await db.Assistants.SingleAsync(a => a.Id == _fixture.AssistantId);
        Assert.Equal(("Service desk", "Answers questions", "Be kind.", 0.7), (assistant.Name, assistant.Description, assistant.Instructions, assistant.Temperature));
    }

    [Theory]
    [InlineData("""{"name":""}""", "name")]
    [InlineData("""{"temperature":5}""", "temperature")]
    [InlineData("""{"maxPassages":0}""", "maxPassages")]
    public async Task Invalid_patches_change_nothing(string body, string field)
    {
        using var response = await _client.SendAsync(Send(HttpMethod.Patch, "", body, AccessLevel.ReadWrite));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var problem = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.True(problem.GetProperty("errors").TryGetProperty(field, out _));
        await using var db = _fixture.App.CreateDbContext();
        Assert.Equal("Helpdesk", (await db.Assistants.SingleAsync(a => a.Id == _fixture.AssistantId)).Name);
    }

    [Theory]
    [InlineData("?skip=-1")]
    [InlineData("?take=0")]
    [InlineData("?take=1000")]
    [InlineData("?skip=abc")]
    public async Task Bad_paging_gets_a_clear_message(string query)
    {
        using var response = await _client.SendAsync(Send(HttpMethod.Get, "/logs" + query, null, AccessLevel.ReadOnly));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("must be a whole number", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Logs_are_newest_first_and_never_carry_supporting_content()
    {
        await _client.SendAsync(Send(HttpMethod.Post, "/chat", """{"message":"first"}""", AccessLevel.UseOnly));
        await _client.SendAsync(Send(HttpMethod.Post, "/chat", """{"message":"second"}""", AccessLevel.UseOnly));

        using var response = await _client.SendAsync(Send(HttpMethod.Get, "/logs?take=1", null, AccessLevel.ReadOnly));

        var page = await response.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(2, page.GetProperty("total").GetInt32());
        var item = Assert.Single(page.GetProperty("items").EnumerateArray());
        Assert.Equal("second", item.GetProperty("question").GetString());
        Assert.False(item.TryGetProperty("supportingContent", out _));
        Assert.False(item.TryGetProperty("thoughtProcess", out _));
    }

    [Fact]
    public async Task The_openapi_document_describes_the_four_routes()
    {
        using var response = await _client.GetAsync("/openapi/v1.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/assistants/{assistantId}", out var assistant));
        Assert.True(assistant.TryGetProperty("get", out _));
        Assert.True(assistant.TryGetProperty("patch", out _));
        Assert.True(paths.TryGetProperty("/api/v1/assistants/{assistantId}/chat", out _));
        Assert.True(paths.TryGetProperty("/api/v1/assistants/{assistantId}/logs", out _));
    }

    [Fact]
    public async Task An_unknown_api_route_is_a_problem_not_a_page()
    {
        using var response = await _client.GetAsync("/api/v1/nothing-here");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
    }
}

/// <summary>The per-key rate limit: over it, 429 with Retry-After; another key is unaffected.</summary>
public sealed class ApiRateLimitTests
{
    [Fact]
    public async Task Over_the_limit_a_key_gets_429_with_retry_after_and_other_keys_do_not()
    {
        await using var app = new ApiApp { PermitsPerWindow = 3 };
        using var client = app.CreateClient();
        await using var seed = app.CreateDbContext();
        var owner = new ApplicationUser { UserName = "o@r.test", Email = "o@r.test", SecurityStamp = "s" };
        var assistant = new Assistant { Name = "Limited", Owner = owner };
        seed.AddRange(owner, assistant);
        await seed.SaveChangesAsync();
        var busy = ApiFixture.AddKey(seed, assistant.Id, AccessLevel.ReadOnly, "busy");
        var quiet = ApiFixture.AddKey(seed, assistant.Id, AccessLevel.ReadOnly, "quiet");
        await seed.SaveChangesAsync();

        async Task<HttpResponseMessage> GetAsync(string key)
        {
            using var request = new HttpRequestMessage(HttpMethod.Get, $"/api/v1/assistants/{assistant.Id}");
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", key);
            return await client.SendAsync(request);
        }

        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 3; i++)
        {
            using var allowed = await GetAsync(busy);
            statuses.Add(allowed.StatusCode);
        }
        using var limited = await GetAsync(busy);
        using var other = await GetAsync(quiet);

        Assert.Equal([HttpStatusCode.OK, HttpStatusCode.OK, HttpStatusCode.OK], statuses);
        Assert.Equal(HttpStatusCode.TooManyRequests, limited.StatusCode);
        Assert.True(limited.Headers.RetryAfter?.Delta > TimeSpan.Zero);
        Assert.Equal("application/problem+json", limited.Content.Headers.ContentType?.MediaType);
        Assert.Equal(HttpStatusCode.OK, other.StatusCode);
    }
}
