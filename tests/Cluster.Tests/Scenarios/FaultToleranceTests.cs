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
    public async Task Silo_killed_mid_sweep_the_sweep_completes_with_every_trial_once()
    {
        await using var cluster = await ClusterHarness.StartAsync(silos: 3);
        var client = cluster.StartClient(Specs.Small(), "out");
        await cluster.WaitForProgressAsync(0.2);
        cluster.Silos[1].Process.Kill();
        await cluster.RunClientToEndAsync(client);
        AssertMatches(baseline.Rows10, cluster.OutputPath("out"));
    }

    [Fact]
    public async Task Client_killed_mid_sweep_the_sweep_goes_on_and_a_new_client_attaches()
    {
        await using var cluster = await ClusterHarness.StartAsync(silos: 2);
        var first = cluster.StartClient(Specs.Small(), "out");
        await cluster.WaitForProgressAsync(0.2);
        first.Kill();
        var atKill = (await cluster.ProgressAsync()).Done;
        await Eventually.HoldsAsync(async () => (await cluster.ProgressAsync()).Done > atKill, TimeSpan.FromSeconds(60),
            () => "the sweep makes progress without a client");
        var second = cluster.StartClient(Specs.Small(), "out");
        await cluster.RunClientToEndAsync(second);
        AssertMatches(baseline.Rows10, cluster.OutputPath("out"));
    }

    [Fact]
    public async Task All_silos_stopped_mid_sweep_and_started_again_the_sweep_resumes_from_redis()
    {
        await using var cluster = await ClusterHarness.StartAsync(silos: 2);
        var client = cluster.StartClient(Specs.Small(), "out");
        await cluster.WaitForProgressAsync(0.2);
        await Task.WhenAll(cluster.Silos.Select(s => s.Process.TerminateAsync(TimeSpan.FromSeconds(40))));
        await cluster.StartSilosAsync(2);
        await cluster.RunClientToEndAsync(client);
        AssertMatches(baseline.Rows10, cluster.OutputPath("out"));
    }

    [Fact]
    public async Task Redis_restarted_mid_sweep_nothing_is_lost()
    {
        await using var cluster = await ClusterHarness.StartAsync(silos: 2);
        var client = cluster.StartClient(Specs.Small(), "out");
        await cluster.WaitForProgressAsync(0.2);
        await cluster.Redis.StopAsync();
        await Task.Delay(TimeSpan.FromSeconds(2));
        await cluster.Redis.StartAsync();
        await cluster.RunClientToEndAsync(client);
        AssertMatches(baseline.Rows10, cluster.OutputPath("out"));
    }

    [Fact]
    public async Task Extending_a_finished_sweep_computes_only_the_new_trials()
    {
        await using var cluster = await ClusterHarness.StartAsync(silos: 2);
        await cluster.RunClientToEndAsync(cluster.StartClient(Specs.Small(10), "first"));
        await cluster.RunClientToEndAsync(cluster.StartClient(Specs.Small(14), "extended"));

        AssertMatches(baseline.Rows14, cluster.OutputPath("extended"));
        using var manifest = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(cluster.OutputPath("extended"), "manifest.json")));
        var root = manifest.RootElement;
        var firstRun = baseline.Rows10.Count - 1;
        Assert.Equal(firstRun, root.GetProperty("trials_reused").GetInt64());
        Assert.Equal(baseline.Rows14.Count - 1 - firstRun, root.GetProperty("trials_computed").GetInt64());
    }

    private static void AssertMatches(List<string> expected, string folder)
    {
        var actual = TrialsCsv.RowsWithoutSeconds(folder);
        Assert.Equal(expected[0], actual[0]);
        Assert.Equal(expected.Count, actual.Count);
        var differing = expected.Zip(actual).Select((p, i) => (p, i)).Where(x => x.p.First != x.p.Second).Take(3).ToList();
        Assert.True(differing.Count == 0, "rows differ from the embedded run:\n" +
            string.Join("\n", differing.Select(d => $"row {d.i}:\n  embedded {d.p.First}\n  cluster  {d.p.Second}")));
        Assert.Equal(actual.Count - 1, actual.Skip(1).Select(r => string.Join(',', r.Split(',').Take(4))).Distinct().Count());
    }
}
