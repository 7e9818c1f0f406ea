using System.Diagnostics;
using Microsoft.Extensions.DependencyInjection;
using OpenTelemetry;
using OpenTelemetry.Metrics;
using OpenTelemetry.Trace;
using Orleans.Configuration;
using Orleans.TestingHost;
using Sweeps.Grains;
using Sweeps.Grains.Execution;
using Sweeps.Hosting;
using Sweeps.Hosting.Telemetry;

namespace Sweeps.Observability.Tests;

/// <summary>
/// A 2-silo in-process cluster (memory storage, <see cref="KnownEvaluator"/> per silo) with one
/// process-wide tracer and meter provider configured by <see cref="SweepsInstrumentationExtensions"/>,
/// exporting to memory. One provider for the process: a provider per silo would export every span twice.
/// </summary>
public sealed class TelemetryClusterFixture : IAsyncLifetime
{
    public List<Activity> Spans { get; } = [];
    public List<MetricSnapshot> Metrics { get; } = [];
    internal InProcessTestCluster Cluster { get; private set; } = null!;
    internal TracerProvider Tracing { get; private set; } = null!;
    internal MeterProvider Meters { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Tracing = Sdk.CreateTracerProviderBuilder().AddSweepsInstrumentation().AddInMemoryExporter(Spans).Build()!;
        Meters = Sdk.CreateMeterProviderBuilder().AddSweepsInstrumentation().AddInMemoryExporter(Metrics).Build()!;
        var builder = new InProcessTestClusterBuilder(2);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.UseSweeps(new SweepsSiloOptions
            {
                Engine = new SweepsEngineOptions { ExecutorThreads = 2, Window = 10_000, FlushInterval = TimeSpan.FromMilliseconds(100) },
            });
            silo.Services.AddSingleton<ITrialEvaluator>(new KnownEvaluator(TimeSpan.FromMilliseconds(10)));
        });
        builder.ConfigureClient(client => client.AddActivityPropagation());
        Cluster = builder.Build();
        await Cluster.DeployAsync();
    }

    internal IReadOnlyList<KnownEvaluator> Evaluators =>
        Cluster.Silos.Select(s => (KnownEvaluator)s.ServiceProvider.GetRequiredService<ITrialEvaluator>()).ToList();

    public async Task DisposeAsync()
    {
        await Cluster.DisposeAsync();
        Tracing.Dispose();
        Meters.Dispose();
    }
}
