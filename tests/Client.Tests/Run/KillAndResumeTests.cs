using System.Text.Json;
using Sweeps.Client.Output;

namespace Sweeps.Client.Tests.Run;

/// <summary>
/// A real `sweeps run` process killed with SIGKILL mid-sweep, then run again: it resumes,
/// reuses exactly the trials that were committed, computes only the rest, and writes outputs
/// identical to an uninterrupted run (the seconds columns aside).
/// </summary>
public sealed class KillAndResumeTests : IDisposable
{
    private const string Spec = """
        name: kill-resume
        problem: symmetric-sensing
        fixed: { d: 10, k: 10 }
        axes:
          r: [1, 2]
          m: { from: 12, to: 40, step: 4 }
        methods: [flat-convex, flat-penalty]
        trials: 25
        seed: 5
        """;

    private const int Total = 2 * 8 * 2 * 25;
    private readonly string _root = Directory.CreateTempSubdirectory("sweeps-kill-").FullName;

    [Fact]
    public void Killed_run_resumes_without_recomputing_and_matches_an_uninterrupted_run()
    {
        var spec = Path.Combine(_root, "spec.yaml");
        File.WriteAllText(spec, Spec);
        var killed = Path.Combine(_root, "killed");
        var clean = Path.Combine(_root, "clean");

        using (var process = SweepsProcess.Start("run", spec, "--out", killed, "--max-concurrent-trials", "1"))
            StoredTrials.KillOnceStored(process, killed, Total / 4);
        var committed = StoredTrials.In(killed);
        Assert.InRange(committed, Total / 4, Total - 1);

        var resumed = SweepsProcess.Run(TimeSpan.FromMinutes(3), "run", spec, "--out", killed);
        Assert.True(resumed.ExitCode == 0, resumed.Error);
        using (var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(killed, OutputFolder.Manifest))))
        {
            Assert.Equal(committed, manifest.RootElement.GetProperty("trials_reused").GetInt64());
            Assert.Equal(Total - committed, manifest.RootElement.GetProperty("trials_computed").GetInt64());
        }

        var uninterrupted = SweepsProcess.Run(TimeSpan.FromMinutes(3), "run", spec, "--out", clean);
        Assert.True(uninterrupted.ExitCode == 0, uninterrupted.Error);
        Assert.Equal(WithoutTimes(clean, OutputFolder.TrialsCsv, "seconds"), WithoutTimes(killed, OutputFolder.TrialsCsv, "seconds"));
        Assert.Equal(WithoutTimes(clean, OutputFolder.CellsCsv, "median_seconds"), WithoutTimes(killed, OutputFolder.CellsCsv, "median_seconds"));
    }

    /// <summary>The CSV's lines with one column blanked (wall times differ between runs).</summary>
    private static List<string> WithoutTimes(string folder, string file, string column)
    {
        var lines = File.ReadAllLines(Path.Combine(folder, file));
        var index = Array.IndexOf(lines[0].Split(','), column);
        Assert.True(index >= 0, $"{file} has no {column} column");
        return lines.Select(l =>
        {
            var fields = l.Split(',');
            fields[index] = "";
            return string.Join(',', fields);
        }).ToList();
    }

    public void Dispose() => Directory.Delete(_root, recursive: true);
}
