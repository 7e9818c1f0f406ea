using System.Diagnostics;
using Sweeps.Cluster.Tests.Processes;
using Sweeps.Grains.Sweeps;
using Xunit.Abstractions;

namespace Sweeps.Cluster.Tests.Scenarios;

/// <summary>
/// Repeated faults, not single ones (issue 15): three silos run a few thousand short trials while a seeded
/// <see cref="ChaosPlan"/> SIGKILLs a silo five times, SIGSTOPs one for 30 s and SIGKILLs Redis once. A supervisor
/// loop restarts every silo that exits (as a container runtime would) and a new client attaches if one gives up. The
/// sweep must complete with trials.csv identical to an embedded run of the same spec: every trial exactly once,
/// bit-identical results.
/// </summary>
public sealed class ChaosTests(ITestOutputHelper output)
{
    private const int Silos = 3;
    private const string SweepId = "chaos-scenario";
    private static readonly TimeSpan FaultWait = TimeSpan.FromMinutes(4);

    /// <summary>6,600 trials (d = 10, both methods): about 40 s of trial time, 25 s embedded on 2 cores.</summary>
    private const string Spec = $$"""
        name: {{SweepId}}
        problem: symmetric-sensing
        fixed: { d: 10, k: 10 }
        axes:
          r: [1, 2]
          m: { from: 5, to: 55, step: 5 }
        methods: [flat-convex, gd-random-init]
        trials: 150
        success: { tolerance: 1.0e-3 }
        seed: 11
        """;

    [Fact]
    public async Task Five_silo_kills_a_30_s_pause_and_a_Redis_crash_the_sweep_completes_with_every_trial_once()
    {
        var seed = ChaosPlan.Seed;
        var plan = ChaosPlan.Draw(seed, Silos);
        Log($"chaos seed {seed} (replay with SWEEPS_CHAOS_SEED={seed}): {string.Join("; ", plan)}");
        await using var cluster = await ClusterHarness.StartAsync(Silos);
        var chaos = new ChaosRun(cluster, cluster.StartClient(Spec, "out"), Log);
        var clock = Stopwatch.StartNew();
        using var stop = new CancellationTokenSource();
        var supervisor = chaos.SuperviseAsync(stop.Token);
        Task resumed = Task.CompletedTask;
        foreach (var fault in plan)
        {
            await WaitForDoneAsync(cluster, fault, seed);
            Log($"{clock.Elapsed.TotalSeconds:F1} s: {fault}");
            switch (fault.Kind)
            {
                case ChaosFaultKind.KillSilo:
                    chaos.KillSilo(fault.Silo);
                    break;
                case ChaosFaultKind.PauseSilo:
                    resumed = chaos.PauseSiloAsync(fault.Silo, ChaosPlan.Pause);
                    break;
                case ChaosFaultKind.KillRedis:
                    cluster.Redis.Kill();
                    await Task.Delay(TimeSpan.FromSeconds(2));
                    await cluster.Redis.StartAsync();
                    break;
            }
        }
        await resumed;
        var finished = await chaos.WaitForClientAsync(FaultWait);
        await stop.CancelAsync();
        await supervisor;
        Log($"{clock.Elapsed.TotalSeconds:F1} s: sweep complete; {chaos.SiloRestarts} silo restarts, {chaos.ClientRestarts} client restarts");
        Assert.True(finished, $"the sweep did not complete within {FaultWait.TotalMinutes} min of the last fault (seed {seed})\n{cluster.SiloTails()}");

        var embedded = await EmbeddedBaseline.RunAsync(cluster.Folder, "embedded", Spec, TimeSpan.FromMinutes(3));
        TrialsCsv.AssertMatches(embedded, cluster.OutputPath("out"));
    }

    private static Task WaitForDoneAsync(ClusterHarness cluster, ChaosFault fault, int seed) => Eventually.HoldsAsync(async () =>
    {
        var progress = await cluster.ProgressAsync(SweepId);
        Assert.False(progress.Status == SweepStatus.Completed, $"the sweep completed before {fault} (seed {seed}); make it larger");
        // Total is 0 until the client has submitted the sweep.
        return progress.Total > 0 && progress.Done >= fault.AtFraction * progress.Total;
    }, FaultWait, () => $"the sweep reaches {fault.AtFraction:P1} for {fault} (seed {seed})\n{cluster.SiloTails()}", TimeSpan.FromMilliseconds(100));

    private void Log(string line)
    {
        output.WriteLine(line);
        Console.WriteLine($"[chaos] {line}");
    }
}
