using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Sweeps.Grains.Telemetry;
using OrleansSources = Orleans.Diagnostics.ActivitySources;

namespace Sweeps.Hosting.Telemetry;

/// <summary>What Sweeps collects, independent of where it is exported (used by the hosts and the tests).</summary>
public static class SweepsInstrumentationExtensions
{
    /// <summary>The "Microsoft.Orleans" meter: grain calls, activations, messaging, storage.</summary>
    public const string OrleansMeter = "Microsoft.Orleans";

    /// <summary>
    /// The "Sweeps" source, Orleans' grain-call, storage and activation sources (propagated across
    /// silos by AddActivityPropagation), and the sampler that lets only Sweeps spans start a trace.
    /// </summary>
    public static TracerProviderBuilder AddSweepsInstrumentation(this TracerProviderBuilder tracing) =>
        tracing.AddSource(
                SweepsTelemetry.Name,
                OrleansSources.ApplicationGrainActivitySourceName,
                OrleansSources.StorageActivitySourceName,
                OrleansSources.LifecycleActivitySourceName)
            .SetSampler(new ParentBasedSampler(new SweepsRootSampler()));

    /// <summary>The "Sweeps" meter, the "Microsoft.Orleans" meter and the .NET runtime metrics (GC, thread pool, ...).</summary>
    public static MeterProviderBuilder AddSweepsInstrumentation(this MeterProviderBuilder metrics) =>
        metrics.AddMeter(SweepsTelemetry.Name, OrleansMeter).AddRuntimeInstrumentation();
}
