using System.Collections.Concurrent;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace AssistantPortal.Tests.Chat;

/// <summary>
/// A tiny real OpenAI-compatible endpoint on a loopback port (Kestrel): <c>POST /v1/chat/completions</c>
/// answers in the OpenAI format, plain or streamed as server-sent events, with a text that names the
/// model it was asked for. Every request is kept with its Authorization header, for assertions.
/// </summary>
public sealed class FakeOpenAiServer : IAsyncDisposable
{
    private readonly WebApplication _app;

    private FakeOpenAiServer(WebApplication app, string address)
    {
        _app = app;
        Endpoint = address.TrimEnd('/') + "/v1";
    }

    /// <summary>The base address to configure, ending in /v1.</summary>
    public string Endpoint { get; }

    public ConcurrentQueue<(string Authorization, string Model, bool Stream)> Requests { get; } = new();

    /// <summary>The answer the endpoint gives for <paramref name="model"/>.</summary>
    public static string AnswerFor(string model) => $"Hello from {model}.";

    public static async Task<FakeOpenAiServer> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        FakeOpenAiServer? server = null;
        app.MapPost("/v1/chat/completions", async (HttpContext context) =>
        {
            using var body = await JsonDocument.ParseAsync(context.Request.Body);
            var model = body.RootElement.GetProperty("model").GetString() ?? "";
            var stream = body.RootElement.TryGetProperty("stream", out var s) && s.ValueKind == JsonValueKind.True;
            server!.Requests.Enqueue((context.Request.Headers.Authorization.ToString(), model, stream));
            var answer = AnswerFor(model);
            if (!stream)
            {
                await context.Response.WriteAsJsonAsync(new
                {
                    id = "chatcmpl-test", @object = "chat.completion", created = 1_700_000_000, model,
                    choices = new[] { new { index = 0, message = new { role = "assistant", content = answer }, finish_reason = "stop" } },
                    usage = new { prompt_tokens = 10, completion_tokens = 4, total_tokens = 14 },
                });
                return;
            }
            context.Response.ContentType = "text/event-stream";
            foreach (var (piece, finish) in new[] { (answer[..6], (string?)null), (answer[6..], null), ("", "stop") })
            {
                var chunk = JsonSerializer.Serialize(new
                {
                    id = "chatcmpl-test", @object = "chat.completion.chunk", created = 1_700_000_000, model,
                    choices = new[] { new { index = 0, delta = new { role = "assistant", content = piece }, finish_reason = finish } },
                });
                await context.Response.WriteAsync($"data: {chunk}\n\n");
                await context.Response.Body.FlushAsync();
            }
            await context.Response.WriteAsync("data: [DONE]\n\n");
        });
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.First();
        server = new FakeOpenAiServer(app, address);
        return server;
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}
