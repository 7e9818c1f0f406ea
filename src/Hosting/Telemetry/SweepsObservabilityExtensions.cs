using Microsoft.AspNetCore.Builder;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using Orleans.Dashboard;

namespace Sweeps.Hosting.Telemetry;

/// <summary>The silo's web host: telemetry, the Prometheus scrape endpoint /metrics and the Orleans dashboard at /dashboard.</summary>
public static class SweepsObservabilityExtensions
{
    public const string MetricsPath = "/metrics";
    public const string DashboardPath = "/dashboard";

    /// <summary>
    /// <see cref="SweepsTelemetryExtensions.AddSweepsTelemetry"/>, plus the Sweeps, Orleans and runtime
    /// metrics for Prometheus scraping and the Orleans dashboard on this silo (whatever OTEL_METRICS_EXPORTER says).
    /// </summary>
    public static WebApplicationBuilder AddSweepsObservability(this WebApplicationBuilder builder, string serviceName = "sweeps-silo")
    {
        ArgumentNullException.ThrowIfNull(builder);
        builder.AddSweepsTelemetry(serviceName);
        builder.Services.AddOpenTelemetry().WithMetrics(m => m.AddSweepsInstrumentation().AddPrometheusExporter());
        builder.Services.AddZeroMetrics();
        builder.UseOrleans(silo => silo.AddDashboard());
        return builder;
    }

    /// <summary>Maps GET <see cref="MetricsPath"/> (Prometheus text format) and the dashboard under <see cref="DashboardPath"/>.</summary>
    public static WebApplication MapSweepsObservability(this WebApplication app)
    {
        ArgumentNullException.ThrowIfNull(app);
        app.MapPrometheusScrapingEndpoint(MetricsPath);
        app.MapOrleansDashboard(DashboardPath);
        return app;
    }
}
