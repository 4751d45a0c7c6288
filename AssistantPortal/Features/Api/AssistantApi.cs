using System.Globalization;
using System.Text.Json;
using AssistantPortal.Data;
using AssistantPortal.Data.Configurations;
using AssistantPortal.Features.Access;
using AssistantPortal.Features.ApiKeys;
using AssistantPortal.Features.Chat;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace AssistantPortal.Features.Api;

/// <summary>
/// The HTTP API for external systems (SPEC §5). Every request is authenticated by the assistant's API
/// key and answered in this order: no valid key 401 (with WWW-Authenticate), a key of another
/// assistant 404, a key whose level is too low 403; over the per-key rate limit 429 (with Retry-After,
/// from the rate limiter). Every error is RFC 9457 problem-details JSON. Cookies are ignored here.
/// </summary>
public static class AssistantApi
{
    public const string RateLimitPolicy = "api-key";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    public static IEndpointRouteBuilder MapAssistantApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/v1/assistants/{assistantId:int}")
            .RequireRateLimiting(RateLimitPolicy)
            .WithTags("Assistants")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status429TooManyRequests);

        api.MapPost("/chat", ChatAsync)
            .WithName("Chat").WithSummary("Ask the assistant a question (key of at least Use only).")
            .Accepts<ChatRequest>("application/json")
            .Produces<ChatResponse>()
            .ProducesProblem(StatusCodes.Status400BadRequest)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);
        api.MapGet("", GetAsync)
            .WithName("GetAssistant").WithSummary("The assistant's configuration (key of at least Read only).")
            .Produces<AssistantConfiguration>();
        api.MapGet("/logs", LogsAsync)
            .WithName("GetLogs").WithSummary("Chat logs, newest first (key of at least Read only).")
            .Produces<ApiLogPage>()
            .ProducesProblem(StatusCodes.Status400BadRequest);
        api.MapPatch("", PatchAsync)
            .WithName("UpdateAssistant").WithSummary("Change name, description, instructions and settings (key of Read and write).")
            .Accepts<AssistantPatch>("application/json")
            .Produces<AssistantConfiguration>()
            .ProducesValidationProblem()
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge);

        return app;
    }

    private static async Task<IResult> ChatAsync(int assistantId, HttpContext context, ApiKeyValidator validator,
        AssistantChat chat, IOptions<ApiOptions> options)
    {
        var (key, denied) = await AuthenticateAsync(context, validator, assistantId, AccessLevel.UseOnly);
        if (denied is not null)
        {
            return denied;
        }
        var (request, bad) = await ReadBodyAsync<ChatRequest>(context, options.Value);
        if (bad is not null)
        {
            return bad;
        }
        if (AssistantChat.Validate(request!.Message) is { } problem)
        {
            return BadRequest(problem);
        }
        int? conversationId = null;
        if (!string.IsNullOrEmpty(request.ConversationId))
        {
            if (!int.TryParse(request.ConversationId, NumberStyles.None, CultureInfo.InvariantCulture, out var id))
            {
                return NotFound("The conversation was not found.");
            }
            conversationId = id;
        }

        try
        {
            var answer = await chat.AskAsync(assistantId, Asker.Key(key!.KeyId, key.Name), conversationId, request.Message!,
                cancellationToken: context.RequestAborted);
            return Results.Ok(new ChatResponse(
                answer.Exchange.ConversationId?.ToString(CultureInfo.InvariantCulture) ?? "",
                answer.Exchange.Answer,
                answer.Citations.Select(c => new ApiCitation(c.Number, c.Document, c.Passage)).ToList()));
        }
        catch (KeyNotFoundException e)
        {
            return NotFound(e.Message);
        }
    }

    private static async Task<IResult> GetAsync(int assistantId, HttpContext context, ApiKeyValidator validator,
        IDbContextFactory<ApplicationDbContext> dbFactory, AssistantConfigurationCache cache)
    {
        var (_, denied) = await AuthenticateAsync(context, validator, assistantId, AccessLevel.ReadOnly);
        if (denied is not null)
        {
            return denied;
        }
        if (cache.TryGet(assistantId, out var cached))
        {
            return Results.Ok(cached);
        }
        var generation = cache.Generation;
        await using var db = await dbFactory.CreateDbContextAsync(context.RequestAborted);
        var configuration = await ConfigurationAsync(db, assistantId, context.RequestAborted);
        if (configuration is null)
        {
            return NotFound("The assistant was not found.");
        }
        cache.Add(configuration, generation);
        return Results.Ok(configuration);
    }

    private static async Task<IResult> LogsAsync(int assistantId, HttpContext context, ApiKeyValidator validator,
        IDbContextFactory<ApplicationDbContext> dbFactory, string? skip = null, string? take = null)
    {
        var (_, denied) = await AuthenticateAsync(context, validator, assistantId, AccessLevel.ReadOnly);
        if (denied is not null)
        {
            return denied;
        }
        // Parsed here rather than bound, so a malformed value gets a problem body that says what is wrong.
        if (!TryParse(skip, 0, 0, int.MaxValue, out var skipValue))
        {
            return BadRequest("skip must be a whole number of 0 or more.");
        }
        if (!TryParse(take, 50, 1, ChatLogs.MaxPageSize, out var takeValue))
        {
            return BadRequest($"take must be a whole number from 1 to {ChatLogs.MaxPageSize}.");
        }
        await using var db = await dbFactory.CreateDbContextAsync(context.RequestAborted);
        var page = await ChatLogs.PageAsync(db, assistantId, new ChatLogFilter(), skipValue, takeValue, withSupport: false, context.RequestAborted);
        return Results.Ok(new ApiLogPage(page.Total, skipValue, takeValue,
            page.Rows.Select(r => new ApiLogEntry(r.Id, r.AskedAt, r.Origin.ToString(), r.WhoName, r.Question, r.Answer)).ToList()));
    }

    private static async Task<IResult> PatchAsync(int assistantId, HttpContext context, ApiKeyValidator validator,
        IDbContextFactory<ApplicationDbContext> dbFactory, IOptions<ApiOptions> options, IAccessChangeEvents events, TimeProvider clock)
    {
        var (_, denied) = await AuthenticateAsync(context, validator, assistantId, AccessLevel.ReadWrite);
        if (denied is not null)
        {
            return denied;
        }
        var (patch, bad) = await ReadBodyAsync<AssistantPatch>(context, options.Value);
        if (bad is not null)
        {
            return bad;
        }
        var errors = Validate(patch!);
        if (errors.Count > 0)
        {
            return Results.ValidationProblem(errors, detail: "Nothing was changed.");
        }

        await using var db = await dbFactory.CreateDbContextAsync(context.RequestAborted);
        var assistant = await db.Assistants.SingleOrDefaultAsync(a => a.Id == assistantId, context.RequestAborted);
        if (assistant is null)
        {
            return NotFound("The assistant was not found.");
        }
        assistant.Name = patch!.Name?.Trim() ?? assistant.Name;
        assistant.Description = patch.Description?.Trim() ?? assistant.Description;
        assistant.Instructions = patch.Instructions ?? assistant.Instructions;
        assistant.Temperature = patch.Temperature ?? assistant.Temperature;
        assistant.MaxPassages = patch.MaxPassages ?? assistant.MaxPassages;
        assistant.UpdatedAt = clock.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(context.RequestAborted);
        events.PublishAssistant(assistantId);
        return Results.Ok(await ConfigurationAsync(db, assistantId, context.RequestAborted));
    }

    /// <summary>The same limits as the Settings tab and the database schema.</summary>
    internal static Dictionary<string, string[]> Validate(AssistantPatch patch)
    {
        var errors = new Dictionary<string, string[]>();
        if (patch.Name is not null && (patch.Name.Trim().Length == 0 || patch.Name.Trim().Length > Lengths.Name))
        {
            errors["name"] = [$"The name must have 1 to {Lengths.Name} characters."];
        }
        if (patch.Description is not null && patch.Description.Trim().Length > Lengths.Description)
        {
            errors["description"] = [$"The description can be at most {Lengths.Description} characters long."];
        }
        if (patch.Instructions is not null && patch.Instructions.Length > Lengths.Instructions)
        {
            errors["instructions"] = [$"The instructions can be at most {Lengths.Instructions} characters long."];
        }
        if (patch.Temperature is { } t && (double.IsNaN(t) || t < 0 || t > 2))
        {
            errors["temperature"] = ["The temperature must be between 0 and 2."];
        }
        if (patch.MaxPassages is { } m && (m < 1 || m > 10))
        {
            errors["maxPassages"] = ["maxPassages must be from 1 to 10."];
        }
        return errors;
    }

    private static Task<AssistantConfiguration?> ConfigurationAsync(ApplicationDbContext db, int assistantId, CancellationToken cancellationToken) =>
        db.Assistants.AsNoTracking().Where(a => a.Id == assistantId)
            .Select(a => new AssistantConfiguration(a.Id, a.Name, a.Description, a.Instructions, a.ModelAlias, a.Temperature,
                a.MaxPassages, a.PublicAccess.ToString(), a.CreatedAt, a.UpdatedAt))
            .SingleOrDefaultAsync(cancellationToken);

    /// <summary>Checks the key: 401 without a valid one, 404 for another assistant's, 403 below <paramref name="needed"/>.</summary>
    private static async Task<(ApiKeyIdentity? Key, IResult? Denied)> AuthenticateAsync(
        HttpContext context, ApiKeyValidator validator, int assistantId, AccessLevel needed)
    {
        var key = await validator.ValidateAsync(ApiKeyCredentials.Read(context.Request.Headers), context.RequestAborted);
        if (key is null)
        {
            context.Response.Headers.WWWAuthenticate = "Bearer realm=\"AssistantPortal API\"";
            return (null, Results.Problem(statusCode: StatusCodes.Status401Unauthorized, title: "Unauthorized",
                detail: "Send a valid API key as 'Authorization: Bearer KEY' or in the X-Api-Key header."));
        }
        if (key.AssistantId != assistantId)
        {
            return (null, NotFound("The assistant was not found."));
        }
        if (key.Level < needed)
        {
            return (null, Results.Problem(statusCode: StatusCodes.Status403Forbidden, title: "Forbidden",
                detail: $"This key is {key.Level.DisplayName()}; this request needs {needed.DisplayName()} or higher."));
        }
        return (key, null);
    }

    /// <summary>Reads a JSON body within the size limit, or says precisely what is wrong with it.</summary>
    private static async Task<(T? Body, IResult? Bad)> ReadBodyAsync<T>(HttpContext context, ApiOptions options) where T : class
    {
        var request = context.Request;
        if (request.ContentLength > options.MaxBodyBytes)
        {
            return (null, TooLarge(options));
        }
        if (!request.HasJsonContentType())
        {
            return (null, BadRequest("Send the body as JSON with Content-Type: application/json."));
        }
        using var buffer = new MemoryStream();
        var chunk = new byte[8192];
        int read;
        while ((read = await request.Body.ReadAsync(chunk, context.RequestAborted)) > 0)
        {
            if (buffer.Length + read > options.MaxBodyBytes)
            {
                return (null, TooLarge(options));
            }
            buffer.Write(chunk, 0, read);
        }
        try
        {
            var body = JsonSerializer.Deserialize<T>(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), Json);
            return body is null ? (null, BadRequest("The body must be a JSON object.")) : (body, null);
        }
        catch (JsonException e)
        {
            return (null, BadRequest("The body is not valid JSON for this request: " + (e.Path is { Length: > 1 } path ? $"at {path}." : "malformed.")));
        }
    }

    private static IResult BadRequest(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status400BadRequest, title: "Bad request", detail: detail);

    private static IResult NotFound(string detail) =>
        Results.Problem(statusCode: StatusCodes.Status404NotFound, title: "Not found", detail: detail);

    private static IResult TooLarge(ApiOptions options) =>
        Results.Problem(statusCode: StatusCodes.Status413PayloadTooLarge, title: "Payload too large",
            detail: $"The body can be at most {options.MaxBodyBytes} bytes.");

    private static bool TryParse(string? text, int fallback, int min, int max, out int value)
    {
        if (string.IsNullOrEmpty(text))
        {
            value = fallback;
            return true;
        }
        return int.TryParse(text, NumberStyles.None, CultureInfo.InvariantCulture, out value) && value >= min && value <= max;
    }
}
