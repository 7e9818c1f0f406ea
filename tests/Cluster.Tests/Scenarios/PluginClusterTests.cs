using Sweeps.Cluster.Tests.Processes;
using Sweeps.Numerics.Tests.Plugins;

namespace Sweeps.Cluster.Tests.Scenarios;

/// <summary>
/// The sample plugin's method on a cluster (issue #16). With one silo, which has not loaded the plugin, its trials are
/// refused (method-error naming the plugin), never run otherwise. Once a silo with the plugin joins, a new sweep's
/// trials of that method are placed only on it (round robin would give the other silo half), so every trial is
/// computed, exactly as an embedded run computes it; the built-in method still runs on both silos.
/// </summary>
public sealed class PluginClusterTests
{
    private static string Spec(string name) => $$"""
        name: {{name}}
        problem: symmetric-sensing
        fixed: { d: 8, r: 1, k: 2 }
        axes: { m: [24, 30] }
        methods: [gd-small-init, heavy-ball]
        trials: 10
        seed: 2
        """;

    [Fact]
    public async Task Trials_are_refused_naming_the_plugin_where_no_silo_has_it_and_placed_only_on_silos_that_have_it()
    {
        var plugins = SamplePluginFolder.Path();
        await using var cluster = await ClusterHarness.StartAsync(silos: 1);

        await cluster.RunClientToEndAsync(cluster.StartClient(Spec("plugin-refused"), "refused", "--plugins", plugins));
        var refused = Rows(cluster.OutputPath("refused"));
        Assert.All(refused.Values.Where(r => r["method"] == "heavy-ball"), r =>
        {
            Assert.Equal("method-error", r["status"]);
            Assert.StartsWith("plugin SamplePlugin (sha256 ", r["reason"], StringComparison.Ordinal);
            Assert.Contains("is not loaded in this process", r["reason"], StringComparison.Ordinal);
            Assert.Equal("", r["rel_error"]);
        });
        Assert.All(refused.Values.Where(r => r["method"] == "gd-small-init"), r => Assert.NotEqual("method-error", r["status"]));

        var without = cluster.Silos[0];
        Assert.Equal(20, await CompletedAsync(without, "heavy-ball"));
        var withPlugin = await cluster.StartSiloAsync("silo with plugin", "--plugins", plugins);
        var specPath = Path.Combine(cluster.Folder, "embedded.yaml");
        await File.WriteAllTextAsync(specPath, Spec("plugin-placed"));
        var embedded = cluster.OutputPath("embedded");
        using (var client = ChildProcess.Start("embedded sweeps run", "dotnet", [RepositoryPaths.ClientDll, "run", specPath, "--out", embedded, "--plugins", plugins]))
            Assert.True(await client.WaitForExitAsync(ClusterHarness.SweepTimeout) == 0, client.Tail());
        await cluster.RunClientToEndAsync(cluster.StartClient(Spec("plugin-placed"), "placed", "--plugins", plugins));

        var expected = Rows(embedded);
        var rows = Rows(cluster.OutputPath("placed"));
        Assert.Equal(40, rows.Count);
        Assert.All(rows, r => Assert.Equal(Without(expected[r.Key]), Without(r.Value)));
        Assert.DoesNotContain(rows.Values, r => r["status"] == "method-error");
        // Placement: heavy-ball's 20 trials all ran on the silo with the plugin; both silos ran the built-in method.
        Assert.Equal(20, await CompletedAsync(without, "heavy-ball"));
        Assert.Equal(20, await CompletedAsync(withPlugin, "heavy-ball"));
        Assert.InRange(await CompletedAsync(without, "gd-small-init"), 21, 39);
        Assert.InRange(await CompletedAsync(withPlugin, "gd-small-init"), 1, 19);
    }

    /// <summary>The silo's sweeps_trials_completed_total for one method (every status), from its /metrics.</summary>
    private static async Task<double> CompletedAsync(SiloProcess silo, string method) =>
        (await silo.GetTextAsync("/metrics")).Split('\n')
            .Where(l => l.StartsWith("sweeps_trials_completed_total{", StringComparison.Ordinal) && l.Contains($"=\"{method}\"", StringComparison.Ordinal))
            .Sum(l => double.Parse(l[(l.LastIndexOf('}') + 1)..].Trim().Split(' ')[0], System.Globalization.CultureInfo.InvariantCulture));

    private static Dictionary<string, Dictionary<string, string>> Rows(string folder)
    {
        var lines = File.ReadAllLines(Path.Combine(folder, "trials.csv"));
        var header = lines[0].Split(',');
        return lines.Skip(1)
            // reason is the last column: a limited split keeps any comma of a reason inside it.
            .Select(l => header.Zip(l.Split(',', header.Length)).ToDictionary(p => p.First, p => p.Second))
            .ToDictionary(r => $"{r["cell"]}/{r["method"]}/{r["trial"]}");
    }


    private static Dictionary<string, string> Without(Dictionary<string, string> row) =>
        row.Where(p => p.Key != "seconds").ToDictionary(p => p.Key, p => p.Value);
}
