using System.Text.Json;
using Sweeps.Cluster.Tests.Processes;
using Sweeps.Grains.Sweeps;

namespace Sweeps.Cluster.Tests.Scenarios;

/// <summary>
/// Cluster mode end to end with real processes on loopback: Redis, sweeps-silo and the sweeps CLI.
/// Each scenario injects a fault mid-sweep and checks the finished trials.csv equals an
/// uninterrupted embedded run of the same spec row for row (the seconds column aside), so every
/// trial is present exactly once with bit-identical results.
/// </summary>
public sealed class FaultToleranceTests(EmbeddedBaseline baseline) : IClassFixture<EmbeddedBaseline>
{
    [Fact]
    public Task Silo_killed_mid_sweep_the_sweep_completes_with_every_trial_once() =>
        RunWithFaultAsync(silos: 3, (cluster, _) =>
        {
            cluster.Silos[1].Process.Kill();
            return Task.CompletedTask;
        });

    [Fact]
    public Task Client_killed_mid_sweep_the_sweep_goes_on_and_a_new_client_attaches() =>
        RunWithFaultAsync(silos: 2, async (cluster, client) =>
        {
            client.Kill();
            var atKill = (await cluster.ProgressAsync()).Done;
            await Eventually.HoldsAsync(async () => (await cluster.ProgressAsync()).Done > atKill, TimeSpan.FromSeconds(60),
                () => "the sweep makes progress without a client");
            return cluster.StartClient(Specs.Small(), "out");
        });

    [Fact]
    public Task All_silos_stopped_mid_sweep_and_started_again_the_sweep_resumes_from_redis() =>
        RunWithFaultAsync(silos: 2, async (cluster, _) =>
        {
            await Task.WhenAll(cluster.Silos.Select(s => s.Process.TerminateAsync(TimeSpan.FromSeconds(40))));
            await cluster.StartSilosAsync(2);
        });

    [Fact]
    public Task Redis_restarted_mid_sweep_nothing_is_lost() =>
        RunWithFaultAsync(silos: 2, async (cluster, _) =>
        {
            await cluster.Redis.StopAsync();
            await Task.Delay(TimeSpan.FromSeconds(2));
            await cluster.Redis.StartAsync();
        });

    [Fact]
    public async Task Extending_a_finished_sweep_computes_only_the_new_trials()
    {
        await using var cluster = await ClusterHarness.StartAsync(silos: 2);
        await cluster.RunClientToEndAsync(cluster.StartClient(Specs.Small(10), "first"));
        await cluster.RunClientToEndAsync(cluster.StartClient(Specs.Small(14), "extended"));

        TrialsCsv.AssertMatches(baseline.Rows14, cluster.OutputPath("extended"));
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(cluster.OutputPath("extended"), "manifest.json")));
        var root = manifest.RootElement;
        var firstRun = baseline.Rows10.Count - 1;
        Assert.Equal(firstRun, root.GetProperty("trials_reused").GetInt64());
        Assert.Equal(baseline.Rows14.Count - 1 - firstRun, root.GetProperty("trials_computed").GetInt64());
    }

    /// <summary>
    /// Starts the cluster and a client on the 360-trial spec, injects <paramref name="fault"/> once a
    /// fifth of the trials are done, and checks the client that finishes (the same one, or the one
    /// the fault returns) writes the embedded run's rows.
    /// </summary>
    private Task RunWithFaultAsync(int silos, Func<ClusterHarness, ChildProcess, Task> fault) =>
        RunWithFaultAsync(silos, async (cluster, client) =>
        {
            await fault(cluster, client);
            return client;
        });

    private async Task RunWithFaultAsync(int silos, Func<ClusterHarness, ChildProcess, Task<ChildProcess>> fault)
    {
        await using var cluster = await ClusterHarness.StartAsync(silos);
        var client = cluster.StartClient(Specs.Small(), "out");
        await cluster.WaitForProgressAsync(0.2);
        var finishing = await fault(cluster, client);
        await cluster.RunClientToEndAsync(finishing);
        TrialsCsv.AssertMatches(baseline.Rows10, cluster.OutputPath("out"));
    }
}
