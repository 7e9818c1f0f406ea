using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Console;
using OpenTelemetry;
using OpenTelemetry.Logs;
using OpenTelemetry.Metrics;
using OpenTelemetry.Resources;
using OpenTelemetry.Trace;

namespace Sweeps.Hosting.Telemetry;

/// <summary>Tracing, metrics and log correlation of a Sweeps process, configured from the standard OTEL_* variables.</summary>
public static class SweepsTelemetryExtensions
{
    private static readonly string[] Known = ["otlp", "console", "none"];

    /// <summary>
    /// Adds OpenTelemetry with the Sweeps instrumentation. Exporters per signal come from
    /// OTEL_TRACES_EXPORTER, OTEL_METRICS_EXPORTER, OTEL_LOGS_EXPORTER (comma-separated otlp | console | none;
    /// traces and metrics default to otlp when OTEL_EXPORTER_OTLP_ENDPOINT is set, else none; logs default
    /// to none); the OTLP exporter reads OTEL_EXPORTER_OTLP_ENDPOINT and OTEL_EXPORTER_OTLP_PROTOCOL
    /// (grpc | http/protobuf) itself. The service name is OTEL_SERVICE_NAME or <paramref name="serviceName"/>.
    /// Log lines carry the trace and span ids of the current activity as a scope.
    /// </summary>
    public static TBuilder AddSweepsTelemetry<TBuilder>(this TBuilder builder, string serviceName) where TBuilder : IHostApplicationBuilder
    {
        ArgumentNullException.ThrowIfNull(builder);
        var configuration = builder.Configuration;
        var otlpDefault = !string.IsNullOrWhiteSpace(configuration["OTEL_EXPORTER_OTLP_ENDPOINT"]);
        var traces = Exporters(configuration, "OTEL_TRACES_EXPORTER", otlpDefault);
        var metrics = Exporters(configuration, "OTEL_METRICS_EXPORTER", otlpDefault);
        var logs = Exporters(configuration, "OTEL_LOGS_EXPORTER", otlpDefault: false);

        builder.Logging.Configure(o => o.ActivityTrackingOptions =
            ActivityTrackingOptions.TraceId | ActivityTrackingOptions.SpanId | ActivityTrackingOptions.ParentId);
        builder.Services.Configure<SimpleConsoleFormatterOptions>(o => o.IncludeScopes = true);
        builder.Services.Configure<JsonConsoleFormatterOptions>(o => o.IncludeScopes = true);

        var name = configuration["OTEL_SERVICE_NAME"] is { Length: > 0 } configured ? configured : serviceName;
        var telemetry = builder.Services.AddOpenTelemetry().ConfigureResource(r => r.AddService(name));
        if (traces.Count > 0)
        {
            telemetry.WithTracing(t =>
            {
                t.AddSweepsInstrumentation();
                if (traces.Contains("otlp")) t.AddOtlpExporter();
                if (traces.Contains("console")) t.AddConsoleExporter();
            });
        }
        if (metrics.Count > 0)
        {
            telemetry.WithMetrics(m =>
            {
                m.AddSweepsInstrumentation();
                if (metrics.Contains("otlp")) m.AddOtlpExporter();
                if (metrics.Contains("console")) m.AddConsoleExporter();
            });
            builder.Services.AddZeroMetrics();
        }
        if (logs.Count > 0)
        {
            telemetry.WithLogging(l =>
            {
                if (logs.Contains("otlp")) l.AddOtlpExporter();
                if (logs.Contains("console")) l.AddConsoleExporter();
            }, o => o.IncludeScopes = true);
        }
        return builder;
    }

    /// <summary>Publishes the Sweeps counters at 0 on start (once, however often it is called).</summary>
    internal static IServiceCollection AddZeroMetrics(this IServiceCollection services)
    {
        services.TryAddEnumerable(ServiceDescriptor.Singleton<IHostedService, ZeroMetricsPublisher>());
        return services;
    }

    /// <summary>The exporters named by <paramref name="variable"/> ("none" alone means none); unknown names fail at startup.</summary>
    private static HashSet<string> Exporters(IConfiguration configuration, string variable, bool otlpDefault)
    {
        var value = configuration[variable];
        if (string.IsNullOrWhiteSpace(value))
            return otlpDefault ? ["otlp"] : [];
        var names = value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(n => n.ToLowerInvariant()).ToHashSet();
        if (names.FirstOrDefault(n => !Known.Contains(n)) is { } unknown)
            throw new InvalidOperationException($"{variable}: '{unknown}' is not an exporter; allowed are {string.Join(", ", Known)}.");
        names.Remove("none");
        return names;
    }
}
