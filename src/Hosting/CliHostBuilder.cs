using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;
using Sweeps.Hosting.Telemetry;

namespace Sweeps.Hosting;

/// <summary>
/// The host builder of the CLI's in-process Orleans host (embedded silo or cluster client): no
/// default configuration files or loggers, only the caller's logging, and telemetry from the
/// OTEL_* environment variables (service name "sweeps").
/// </summary>
internal static class CliHostBuilder
{
    public static HostApplicationBuilder Create(Action<ILoggingBuilder>? logging)
    {
        var builder = Host.CreateApplicationBuilder(new HostApplicationBuilderSettings { DisableDefaults = true });
        builder.Logging.ClearProviders();
        logging?.Invoke(builder.Logging);
        builder.Configuration.AddEnvironmentVariables();
        builder.AddSweepsTelemetry("sweeps");
        return builder;
    }
}
