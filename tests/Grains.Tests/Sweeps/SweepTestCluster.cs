using System.Collections.Immutable;
using Microsoft.Extensions.DependencyInjection;
using Orleans.Configuration;
using Orleans.TestingHost;
using Sweeps.Grains.Execution;
using Sweeps.Grains.Sweeps;
using Sweeps.Hosting;

namespace Sweeps.Grains.Tests.Sweeps;

/// <summary>
/// An in-process cluster of silos configured by UseSweeps on one SQLite file, each with its own
/// <see cref="SyntheticEvaluator"/> (or the numerical core when <c>trialDelay</c> is null).
/// </summary>
internal static class SweepTestCluster
{
    public static async Task<InProcessTestCluster> StartAsync(string databasePath, TimeSpan? trialDelay, short silos = 2)
    {
        var builder = new InProcessTestClusterBuilder(silos);
        builder.ConfigureSilo((_, silo) =>
        {
            silo.UseSweeps(new SweepsSiloOptions
            {
                Storage = SweepsStorageKind.Sqlite,
                SqlitePath = databasePath,
                Engine = new SweepsEngineOptions { ExecutorThreads = 2, FlushInterval = TimeSpan.FromMilliseconds(100) },
            });
            if (trialDelay is { } delay)
                silo.Services.AddSingleton<ITrialEvaluator>(new SyntheticEvaluator(delay));
        });
        var cluster = builder.Build();
        await cluster.DeployAsync();
        return cluster;
    }

    public static IReadOnlyList<SyntheticEvaluator> Evaluators(InProcessTestCluster cluster) =>
        cluster.Silos.Select(s => (SyntheticEvaluator)s.ServiceProvider.GetRequiredService<ITrialEvaluator>()).ToList();

    /// <summary>Cells with d = 4, r = 1 and the given m values, keyed like the spec loader ("d=4;m=20;r=1").</summary>
    public static SweepDefinition Definition(string sweepId, int[] ms, string[] methods, int trials) => new(
        sweepId, "synthetic", [.. methods],
        [.. ms.Select((m, i) => new CellDefinition(i, $"d=4;m={m};r=1",
            ImmutableSortedDictionary.CreateRange(new Dictionary<string, double> { ["d"] = 4, ["m"] = m, ["r"] = 1 })))],
        trials, Seed: 7, Tolerance: 0.5, RelativeToNoise: null);

    public static async Task<SweepProgress> RunToEndAsync(IGrainFactory grains, SweepDefinition definition)
    {
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(40));
        return await grains.RunAsync(definition, interval: TimeSpan.FromMilliseconds(25), cancellation: timeout.Token);
    }

    public static async Task<List<TrialRecord>> ReadAllAsync(IGrainFactory grains, string sweepId)
    {
        var records = new List<TrialRecord>();
        await foreach (var record in grains.ReadRecordsAsync(sweepId))
            records.Add(record);
        return records;
    }
}
