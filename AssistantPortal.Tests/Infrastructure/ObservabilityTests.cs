using System.Net;
using Microsoft.AspNetCore.Hosting;
using Xunit;

namespace AssistantPortal.Tests.Infrastructure;

/// <summary>SPEC §11: the health endpoint answers, and the framework's metrics reach Prometheus when configured.</summary>
public sealed class ObservabilityTests
{
    private sealed class PrometheusApp : AppFactory
    {
        protected override void ConfigureWebHost(IWebHostBuilder builder)
        {
            base.ConfigureWebHost(builder);
            builder.UseSetting("Observability:Prometheus", "true");
        }
    }

    [Fact]
    public async Task Health_IsHealthyOnAFreshDatabase()
    {
        using var app = new AppFactory();
        using var client = app.CreateClient();

        var response = await client.GetAsync("/health");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("Healthy", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Metrics_WhenPrometheusIsOn_CarryTheFrameworksRequestDuration()
    {
        using var app = new PrometheusApp();
        using var client = app.CreateClient();
        await client.GetAsync("/health");

        var metrics = await client.GetStringAsync("/metrics");

        Assert.Contains("http_server_request_duration_seconds", metrics);
        Assert.Contains("http_route=\"/health\"", metrics);
    }

    [Fact]
    public async Task Metrics_ByDefault_AreNotServed()
    {
        using var app = new AppFactory();
        using var client = app.CreateClient();

        var response = await client.GetAsync("/metrics");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }
}
