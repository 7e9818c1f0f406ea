using System.Text.Json;
using Sweeps.Client.Output;
using Sweeps.Client.Tests.Run;

namespace Sweeps.Client.Tests.External;

/// <summary>
/// A real `sweeps run` of the Python method killed with SIGKILL mid-sweep (with its Python child), then run again:
/// every trial is in trials.csv exactly once and the script runs again only for the trials that were not committed
/// (each run leaves a file named after its trial seed in a log folder, so the runs are counted, not inferred).
/// </summary>
[Collection(ExternalScripts.Collection)]
public sealed class ExternalKillAndResumeTests : IDisposable
{
    private const int Total = 2 * 16;
    private static readonly string[] MethodStatuses = ["converged", "iteration-limit"];
    private readonly string _root = Directory.CreateTempSubdirectory("sweeps-external-kill-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Killed_run_of_a_python_method_resumes_running_each_uncommitted_trial_once_and_nothing_else()
    {
        ExternalScripts.CopyTo(_root);
        var log = Directory.CreateDirectory(Path.Combine(_root, "runs")).FullName;
        var spec = Path.Combine(_root, "spec.yaml");
        File.WriteAllText(spec, $$"""
            name: external-kill-resume
            problem: symmetric-sensing
            fixed: { d: 8, r: 1 }
            axes: { m: [24, 30] }
            methods:
              - { name: py-gd, command: [/usr/bin/python3, gd_sensing.py, --log, "{{log}}"], timeout: 120 }
            trials: 16
            seed: 11
            """);
        var output = Path.Combine(_root, "out");
        var (temp, environment) = ExternalScripts.PrivateTemp(_root);

        // SIGKILL to sweeps and its python3 child.
        using (var process = SweepsProcess.Start(environment, "run", spec, "--out", output, "--max-concurrent-trials", "1"))
            StoredTrials.KillOnceStored(process, output, Total / 4);
        var committed = StoredTrials.In(output);
        Assert.InRange(committed, Total / 4, Total - 1);
        var before = Runs(log);
        // One trial at a time: at most the one in flight at the kill ran without being committed.
        Assert.InRange(before.Count, committed, committed + 1);
        // A SIGKILLed run cannot remove the instance folder of its trial in flight; the test does.
        foreach (var folder in ExternalScripts.InstanceFolders(temp))
            Directory.Delete(folder, recursive: true);

        var resumed = SweepsProcess.Run(TimeSpan.FromMinutes(3), environment, "run", spec, "--out", output);
        Assert.True(resumed.ExitCode == 0, resumed.Error);
        using (var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, OutputFolder.Manifest))))
        {
            Assert.Equal(committed, manifest.RootElement.GetProperty("trials_reused").GetInt64());
            Assert.Equal(Total - committed, manifest.RootElement.GetProperty("trials_computed").GetInt64());
        }
        var after = Runs(log).Except(before).ToList();
        Assert.Equal(Total - committed, after.Count);

        var rows = TrialTable.ReadCsv(Path.Combine(output, OutputFolder.TrialsCsv));
        Assert.Equal(Total, rows.Select(r => (r["cell"], r["trial"])).Distinct().Count());
        Assert.Equal(Total, rows.Count);
        Assert.All(rows, r => Assert.Contains(r["status"], MethodStatuses));
        // Each seed's script ran once, plus once more at most for the one trial killed in flight.
        var seeds = before.Concat(after).Select(f => f.Split('-')[0]).ToList();
        Assert.Equal(rows.Select(r => r["seed"]).Order(), seeds.Distinct().Order());
        Assert.InRange(seeds.Count, Total, Total + 1);
        Assert.Empty(ExternalScripts.ProcessesMentioning(_root));
        Assert.Empty(ExternalScripts.InstanceFolders(temp));
    }

    /// <summary>The run files the script has left so far ("SEED-PID").</summary>
    private static HashSet<string> Runs(string log) => [.. Directory.GetFiles(log).Select(f => Path.GetFileName(f))];
}
