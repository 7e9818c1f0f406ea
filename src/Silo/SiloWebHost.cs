using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Diagnostics.HealthChecks;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sweeps.Hosting.Cluster;
using Sweeps.Hosting.Live;
using Sweeps.Hosting.Telemetry;

namespace Sweeps.Silo;

/// <summary>
/// The silo process as one ASP.NET Core host: Orleans (cluster mode on Redis) and the HTTP pipeline
/// on --http-bind:--http-port. The pipeline lives only here: /health/live (the process answers),
/// /health/ready (see <see cref="SiloReadiness"/>), both ASP.NET Core health checks; observability adds its endpoints in
/// <see cref="MapEndpoints"/>, and the live page of every sweep of the cluster is at / (<see cref="LiveEndpoints"/>). Stopping (SIGTERM) leaves the cluster gracefully within 30 s.
/// </summary>
internal static class SiloWebHost
{
    public static readonly TimeSpan ShutdownTimeout = TimeSpan.FromSeconds(30);

    public static WebApplication Build(SiloSettings settings)
    {
        var builder = WebApplication.CreateSlimBuilder(new WebApplicationOptions { Args = [] });
        builder.Logging.ClearProviders();
        builder.Logging.AddSimpleConsole(o => (o.SingleLine, o.TimestampFormat) = (true, "HH:mm:ss.fff "));
        builder.Logging.AddFilter("Microsoft.AspNetCore", LogLevel.Warning);
        builder.Logging.AddFilter("Orleans", LogLevel.Warning);
        builder.Logging.AddFilter("Orleans.Runtime.Silo", LogLevel.Information);
        // Orleans' placement pipeline logs two Polly lines per placed grain (per trial) at Information.
        builder.Logging.AddFilter("Polly", LogLevel.Warning);
        // The options logger prints Redis connection strings, passwords included: never log them.
        builder.Logging.AddFilter("Orleans.Runtime.SiloOptionsLogger", LogLevel.None);
        // Start the HTTP server alongside the silo, not after it has joined: /health/live answers and
        // /health/ready says 503 ("joining") while membership is being established.
        builder.Services.Configure<HostOptions>(o => (o.ShutdownTimeout, o.ServicesStartConcurrently) = (ShutdownTimeout, true));
        builder.WebHost.UseKestrel(k => k.Listen(settings.HttpBind, settings.HttpPort));
        builder.Services.AddSingleton<SiloReadiness>();
        builder.Services.AddHealthChecks().AddCheck<SiloReadinessCheck>("silo", tags: [SiloReadinessCheck.ReadyTag]);
        builder.UseOrleans(silo => silo.UseSweepsCluster(settings.Cluster, new() { ExecutorThreads = settings.MaxConcurrentTrials }));
        builder.AddSweepsObservability();
        var app = builder.Build();
        MapEndpoints(app);
        return app;
    }

    private static void MapEndpoints(WebApplication app)
    {
        // ASP.NET Core health checks; the default status codes are 200 when healthy, 503 when unhealthy.
        app.MapHealthChecks("/health/live", new HealthCheckOptions { Predicate = _ => false, ResponseWriter = (context, _) => WriteText(context, "live\n") });
        app.MapHealthChecks("/health/ready", new HealthCheckOptions
        {
            Predicate = check => check.Tags.Contains(SiloReadinessCheck.ReadyTag),
            ResponseWriter = (context, report) => WriteText(context, report.Status == HealthStatus.Healthy
                ? "ready\n"
                : $"not ready: {string.Join("; ", report.Entries.Values.Select(e => e.Description))}\n"),
        });
        app.MapSweepsObservability();
        app.MapSweepsLive();
    }

    private static Task WriteText(HttpContext context, string text)
    {
        context.Response.ContentType = "text/plain; charset=utf-8";
        return context.Response.WriteAsync(text);
    }
}
