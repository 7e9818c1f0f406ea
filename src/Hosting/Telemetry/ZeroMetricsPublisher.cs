using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using OpenTelemetry.Metrics;
using Sweeps.Grains.Telemetry;

namespace Sweeps.Hosting.Telemetry;

/// <summary>
/// Publishes the Sweeps counters at 0 when the host starts (<see cref="SweepsTelemetry.PublishZeros"/>),
/// after making sure the meter provider exists, so the measurements are not recorded before anyone listens.
/// </summary>
internal sealed class ZeroMetricsPublisher(IServiceProvider services) : IHostedService
{
    public Task StartAsync(CancellationToken cancellationToken)
    {
        _ = services.GetService<MeterProvider>();
        SweepsTelemetry.PublishZeros();
        return Task.CompletedTask;
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
}
