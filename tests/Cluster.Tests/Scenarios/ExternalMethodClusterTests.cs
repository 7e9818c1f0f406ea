using Sweeps.Cluster.Tests.Processes;

namespace Sweeps.Cluster.Tests.Scenarios;

/// <summary>
/// The Python gradient-descent method (issue #16) on a 2-silo Redis cluster: both silos run the script (each run
/// records its parent process, the silo), every trial runs once, and trials.csv equals an embedded run of the
/// same spec row for row, so an external method's results do not depend on where its trials ran.
/// </summary>
public sealed class ExternalMethodClusterTests
{
    private const int Total = 2 * 12;

    [Fact]
    public async Task A_python_method_on_two_silos_runs_each_trial_once_and_matches_the_embedded_run()
    {
        await using var cluster = await ClusterHarness.StartAsync(silos: 2);
        var script = Path.Combine(cluster.Folder, "gd_sensing.py");
        File.Copy(Path.Combine(AppContext.BaseDirectory, "External", "gd_sensing.py"), script);
        var embeddedLog = Directory.CreateDirectory(Path.Combine(cluster.Folder, "embedded-runs")).FullName;
        var clusterLog = Directory.CreateDirectory(Path.Combine(cluster.Folder, "cluster-runs")).FullName;

        var embedded = cluster.OutputPath("embedded");
        var specPath = Path.Combine(cluster.Folder, "embedded.yaml");
        await File.WriteAllTextAsync(specPath, Spec(script, embeddedLog));
        using (var client = ChildProcess.Start("embedded sweeps run", "dotnet", [RepositoryPaths.ClientDll, "run", specPath, "--out", embedded]))
        {
            var code = await client.WaitForExitAsync(ClusterHarness.SweepTimeout);
            Assert.True(code == 0, $"embedded run exited {code}:\n{client.Tail()}");
        }
        await cluster.RunClientToEndAsync(cluster.StartClient(Spec(script, clusterLog), "cluster"));

        // The log folder is an argument, so the two specs differ in their command; trials.csv does not.
        Assert.Equal(TrialsCsv.RowsWithoutSeconds(embedded), TrialsCsv.RowsWithoutSeconds(cluster.OutputPath("cluster")));
        var runs = Directory.GetFiles(clusterLog).Select(f => Path.GetFileName(f).Split('-')).ToList();
        Assert.Equal(Total, runs.Count);
        Assert.Equal(Total, runs.Select(r => r[0]).Distinct().Count());
        var silos = cluster.Silos.Select(s => s.Process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)).Order().ToList();
        Assert.Equal(silos, runs.Select(r => r[2]).Distinct().Order());
        Assert.Contains("py-gd", File.ReadAllText(Path.Combine(cluster.OutputPath("cluster"), "cells.csv")), StringComparison.Ordinal);
    }

    private static string Spec(string script, string log) => $$"""
        name: external-cluster
        problem: symmetric-sensing
        fixed: { d: 8, r: 1 }
        axes: { m: [20, 30] }
        methods:
          - gd-small-init
          - { name: py-gd, command: [/usr/bin/python3, "{{script}}", --log, "{{log}}"], timeout: 120 }
        trials: 12
        seed: 4
        """;
}
