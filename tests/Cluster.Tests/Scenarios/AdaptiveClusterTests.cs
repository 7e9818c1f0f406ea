using System.Text.Json;
using Sweeps.Cluster.Tests.Processes;

namespace Sweeps.Cluster.Tests.Scenarios;

/// <summary>
/// An adaptive sweep (issue #13) on a 2-silo cluster: the client's round loop submits each round to the cluster's
/// coordinator, and because a round is a pure function of the finished results, the cluster reaches the same rounds,
/// trials and transitions as an embedded run of the same spec. A silo's own HTTP port serves the live page and its
/// API for the sweep (issue #14), with the transitions of transitions.csv.
/// </summary>
public sealed class AdaptiveClusterTests
{
    private const int GridTrials = 2 * 5 * 6;

    private const string Spec = """
        name: adaptive-cluster
        problem: symmetric-sensing
        fixed: { d: 6, k: 6 }
        axes:
          r: [1, 2]
          m: [3, 7, 11, 15, 19]
        methods: [flat-convex]
        trials: 6
        seed: 3
        adaptive: { precision: 0.1, max_trials: 2000, batch: 24 }
        """;

    [Fact]
    public async Task An_adaptive_sweep_on_two_silos_matches_the_embedded_run()
    {
        await using var cluster = await ClusterHarness.StartAsync(silos: 2);
        var embedded = cluster.OutputPath("embedded");
        var specPath = Path.Combine(cluster.Folder, "embedded.yaml");
        await File.WriteAllTextAsync(specPath, Spec);
        using (var client = ChildProcess.Start("embedded sweeps run", "dotnet", [RepositoryPaths.ClientDll, "run", specPath, "--out", embedded]))
        {
            var code = await client.WaitForExitAsync(ClusterHarness.SweepTimeout);
            Assert.True(code == 0, $"embedded run exited {code}:\n{client.Tail()}");
        }

        await cluster.RunClientToEndAsync(cluster.StartClient(Spec, "cluster"));
        var onCluster = cluster.OutputPath("cluster");

        Assert.Equal(await File.ReadAllTextAsync(Path.Combine(embedded, "transitions.csv")), await File.ReadAllTextAsync(Path.Combine(onCluster, "transitions.csv")));
        Assert.Equal(TrialsCsv.RowsWithoutSeconds(embedded), TrialsCsv.RowsWithoutSeconds(onCluster));
        using var summary = JsonDocument.Parse(await File.ReadAllTextAsync(Path.Combine(onCluster, "summary.json")));
        var adaptive = summary.RootElement.GetProperty("adaptive");
        Assert.True(adaptive.GetProperty("trials").GetInt64() > GridTrials, "the rounds added trials beyond the grid");

        var silo = cluster.Silos[0];
        Assert.Contains("<html", await silo.GetTextAsync("/live/"), StringComparison.OrdinalIgnoreCase);
        Assert.Contains("adaptive-cluster", await silo.GetTextAsync("/api/sweeps"), StringComparison.Ordinal);
        using var sweep = JsonDocument.Parse(await silo.GetTextAsync("/api/sweeps/adaptive-cluster"));
        var live = sweep.RootElement.GetProperty("transitions").GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("m50").GetDouble());
        var rows = (await File.ReadAllLinesAsync(Path.Combine(onCluster, "transitions.csv"))).Select(l => l.Split(',')).ToList();
        var m50 = Array.IndexOf(rows[0], "m50");
        Assert.Equal(rows.Skip(1).Select(r => double.Parse(r[m50], System.Globalization.CultureInfo.InvariantCulture)), live);
    }
}
