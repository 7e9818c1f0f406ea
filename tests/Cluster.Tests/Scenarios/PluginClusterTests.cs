using Sweeps.Cluster.Tests.Processes;
using Sweeps.Numerics.Tests.Plugins;

namespace Sweeps.Cluster.Tests.Scenarios;

/// <summary>
/// A sweep with the sample plugin's method on a cluster where only one of two silos loaded the plugin (issue #16):
/// the silo without it refuses the trials it is given (method-error naming the plugin), never runs them otherwise,
/// while the silo with it computes the rest exactly as an embedded run does; the built-in method is untouched.
/// </summary>
public sealed class PluginClusterTests
{
    private const string Spec = """
        name: plugin-cluster
        problem: symmetric-sensing
        fixed: { d: 8, r: 1, k: 2 }
        axes: { m: [24, 30] }
        methods: [gd-small-init, heavy-ball]
        trials: 10
        seed: 2
        """;

    [Fact]
    public async Task A_silo_without_the_plugin_refuses_its_trials_naming_it_and_the_silo_with_it_computes_them()
    {
        var plugins = SamplePluginFolder.Path();
        await using var cluster = await ClusterHarness.StartAsync(silos: 1);
        await cluster.StartSiloAsync("silo with plugin", "--plugins", plugins);

        var specPath = Path.Combine(cluster.Folder, "embedded.yaml");
        await File.WriteAllTextAsync(specPath, Spec);
        var embedded = cluster.OutputPath("embedded");
        using (var client = ChildProcess.Start("embedded sweeps run", "dotnet", [RepositoryPaths.ClientDll, "run", specPath, "--out", embedded, "--plugins", plugins]))
            Assert.True(await client.WaitForExitAsync(ClusterHarness.SweepTimeout) == 0, client.Tail());
        await cluster.RunClientToEndAsync(cluster.StartClient(Spec, "cluster", "--plugins", plugins));

        var expected = Rows(embedded);
        var rows = Rows(cluster.OutputPath("cluster"));
        Assert.Equal(expected.Count, rows.Count);
        var refused = rows.Where(r => r.Value["status"] == "method-error").ToList();
        Assert.NotEmpty(refused);
        Assert.All(refused, r =>
        {
            Assert.Equal("heavy-ball", r.Value["method"]);
            Assert.StartsWith("plugin SamplePlugin (sha256 ", r.Value["reason"], StringComparison.Ordinal);
            Assert.Contains("is not loaded in this process", r.Value["reason"], StringComparison.Ordinal);
            Assert.Equal("", r.Value["rel_error"]);
        });
        // Every other trial, heavy-ball's computed on the silo with the plugin included, is the embedded run's.
        var computed = rows.Where(r => r.Value["status"] != "method-error").ToList();
        Assert.Contains(computed, r => r.Value["method"] == "heavy-ball");
        Assert.All(computed, r => Assert.Equal(Without(expected[r.Key]), Without(r.Value)));
        Assert.Equal(20, computed.Count(r => r.Value["method"] == "gd-small-init"));
    }

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
