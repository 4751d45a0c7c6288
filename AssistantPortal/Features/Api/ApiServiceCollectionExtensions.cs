using System.Threading.RateLimiting;
using AssistantPortal.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.AspNetCore.RateLimiting;
using Scalar.AspNetCore;

namespace AssistantPortal.Features.Api;

public static class ApiServiceCollectionExtensions
{
    /// <summary>The HTTP API's options, its per-key rate limit (the framework's limiter) and its OpenAPI document.</summary>
    public static IServiceCollection AddAssistantApi(this IServiceCollection services, IConfiguration configuration)
    {
        var section = configuration.GetSection(ApiOptions.Section);
        services.Configure<ApiOptions>(section);
        var options = section.Get<ApiOptions>() ?? new ApiOptions();
        services.AddSingleton<AssistantConfigurationCache>();
        services.AddSingleton<AssistantConfigurationInvalidator>();
        // Every context of the app forgets the cached configuration of an assistant it changes or deletes.
        services.ConfigureDbContext<ApplicationDbContext>((sp, o) => o.AddInterceptors(sp.GetRequiredService<AssistantConfigurationInvalidator>()));

        services.AddRateLimiter(limiter =>
        {
            limiter.AddPolicy(AssistantApi.RateLimitPolicy, context =>
                RateLimitPartition.GetFixedWindowLimiter(ApiRateLimit.Partition(context), _ => new FixedWindowRateLimiterOptions
                {
                    PermitLimit = options.PermitsPerWindow,
                    Window = TimeSpan.FromSeconds(options.WindowSeconds),
                    QueueLimit = 0,
                }));
            limiter.OnRejected = async (rejected, cancellationToken) =>
            {
                var response = rejected.HttpContext.Response;
                response.StatusCode = StatusCodes.Status429TooManyRequests;
                var retryAfter = rejected.Lease.TryGetMetadata(MetadataName.RetryAfter, out var wait)
                    ? (int)Math.Ceiling(wait.TotalSeconds)
                    : options.WindowSeconds;
                response.Headers.RetryAfter = Math.Max(1, retryAfter).ToString(System.Globalization.CultureInfo.InvariantCulture);
                await Results.Problem(statusCode: StatusCodes.Status429TooManyRequests, title: "Too many requests",
                        detail: $"This key may make {options.PermitsPerWindow} requests every {options.WindowSeconds} seconds; try again after the time in Retry-After.")
                    .ExecuteAsync(rejected.HttpContext);
            };
        });

        services.AddOpenApi(openApi => openApi.AddDocumentTransformer((document, _, _) =>
        {
            document.Info.Title = "AssistantPortal API";
            document.Info.Description =
                "Chat with an assistant, read its configuration and logs, and change its settings. Authenticate with the " +
                "assistant's API key as `Authorization: Bearer KEY` or `X-Api-Key: KEY`; a key works only for the assistant " +
                "it was created on, at its access type. Errors are RFC 9457 problem details.";
            return Task.CompletedTask;
        }));
        return services;
    }

    /// <summary>
    /// Under /api, an error without a body (an unknown route, a wrong method or content type) gets
    /// problem details instead of the app's HTML not-found page. Call after the pages' status-code handling, so it runs first.
    /// </summary>
    public static WebApplication UseApiProblemDetails(this WebApplication app)
    {
        app.UseWhen(c => c.Request.Path.StartsWithSegments("/api"), api => api.UseStatusCodePages());
        return app;
    }

    /// <summary>The API routes, the OpenAPI document at /openapi/v1.json and its browsable reference at /api-reference.</summary>
    public static WebApplication MapAssistantApiEndpoints(this WebApplication app)
    {
        app.MapOpenApi();
        app.MapScalarApiReference("/api-reference", o => o.WithTitle("AssistantPortal API"));
        app.MapAssistantApi();
        return app;
    }
}
