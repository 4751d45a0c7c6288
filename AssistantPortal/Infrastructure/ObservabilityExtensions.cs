using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;

namespace AssistantPortal.Infrastructure;

/// <summary>Where the framework's metrics go (SPEC §11). Both exporters are off until configured.</summary>
public sealed class ObservabilityOptions
{
    public const string Section = "Observability";

    /// <summary>Serve the metrics for Prometheus to scrape at <see cref="PrometheusPath"/>. Keep that path off the public internet.</summary>
    public bool Prometheus { get; set; }

    public string PrometheusPath { get; set; } = "/metrics";

    /// <summary>Push metrics over OTLP to this collector (for example <c>http://localhost:4317</c>); empty: not pushed.</summary>
    public string OtlpEndpoint { get; set; } = "";
}

/// <summary>
/// Metrics from the framework's own meters (requests, Kestrel, Blazor circuits, rate limiting,
/// authorization, Identity, EF Core, HttpClient, the runtime) through OpenTelemetry, exported to
/// Prometheus and/or an OTLP collector. Structured logs are the console logger's JSON formatter,
/// chosen in appsettings.json (<c>Logging:Console:FormatterName</c>).
/// </summary>
public static class ObservabilityExtensions
{
    /// <summary>The meters ASP.NET Core, EF Core and the runtime publish in .NET 10.</summary>
    public static IReadOnlyList<string> FrameworkMeters { get; } =
    [
        "Microsoft.AspNetCore.Hosting",
        "Microsoft.AspNetCore.Server.Kestrel",
        "Microsoft.AspNetCore.Http.Connections",
        "Microsoft.AspNetCore.Routing",
        "Microsoft.AspNetCore.Diagnostics",
        "Microsoft.AspNetCore.RateLimiting",
        "Microsoft.AspNetCore.Authentication",
        "Microsoft.AspNetCore.Authorization",
        "Microsoft.AspNetCore.Identity",
        "Microsoft.AspNetCore.Components",
        "Microsoft.AspNetCore.Components.Lifecycle",
        "Microsoft.AspNetCore.Components.Server.Circuits",
        "Microsoft.EntityFrameworkCore",
        "System.Net.Http",
        "System.Runtime",
    ];

    public static WebApplicationBuilder AddObservability(this WebApplicationBuilder builder)
    {
        var options = builder.Configuration.GetSection(ObservabilityOptions.Section).Get<ObservabilityOptions>() ?? new ObservabilityOptions();
        builder.Services.Configure<ObservabilityOptions>(builder.Configuration.GetSection(ObservabilityOptions.Section));
        if (!options.Prometheus && string.IsNullOrWhiteSpace(options.OtlpEndpoint))
        {
            return builder;
        }
        builder.Services.AddOpenTelemetry()
            .ConfigureResource(resource => resource.AddService("AssistantPortal"))
            .WithMetrics(metrics =>
            {
                metrics.AddMeter([.. FrameworkMeters]);
                if (options.Prometheus)
                {
                    metrics.AddPrometheusExporter();
                }
                if (!string.IsNullOrWhiteSpace(options.OtlpEndpoint))
                {
                    metrics.AddOtlpExporter(otlp => otlp.Endpoint = new Uri(options.OtlpEndpoint));
                }
            });
        return builder;
    }

    /// <summary>Maps the Prometheus scraping endpoint when it is configured.</summary>
    public static WebApplication MapObservability(this WebApplication app)
    {
        var options = app.Configuration.GetSection(ObservabilityOptions.Section).Get<ObservabilityOptions>() ?? new ObservabilityOptions();
        if (options.Prometheus)
        {
            app.MapPrometheusScrapingEndpoint(options.PrometheusPath);
        }
        return app;
    }
}
