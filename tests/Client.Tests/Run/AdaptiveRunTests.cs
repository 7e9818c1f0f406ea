using System.Globalization;
using System.Text.Json;
using Sweeps.Client.Output;

namespace Sweeps.Client.Tests.Run;

/// <summary>
/// `sweeps run` on an adaptive spec as a real process: rounds run until every line meets the precision (or the
/// summary says the budget stopped it) within max_trials; a run killed with SIGKILL mid-round and run again reuses
/// every committed trial, computes only the rest, and writes the same transitions.csv, byte for byte, as an
/// uninterrupted run.
/// </summary>
public sealed class AdaptiveRunTests : IDisposable
{
    private const double Precision = 0.1;
    private const long MaxTrials = 2000;

    private static string Spec => SpecWith(Precision);

    private static string SpecWith(double precision) => $"""
        name: adaptive-run
        problem: symmetric-sensing
        fixed: {"{"} d: 6, k: 6 {"}"}
        axes:
          r: [1, 2]
          m: [3, 7, 11, 15, 19]
        methods: [flat-convex]
        trials: 6
        seed: 3
        adaptive: {"{"} precision: {precision.ToString(CultureInfo.InvariantCulture)}, max_trials: {MaxTrials}, batch: 24 {"}"}
        """;

    private const long GridTrials = 2 * 5 * 6;
    private readonly string _root = Directory.CreateTempSubdirectory("sweeps-adaptive-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Rounds_refine_every_line_to_the_precision_within_the_budget()
    {
        var output = Path.Combine(_root, "out");
        var result = SweepsProcess.Run(TimeSpan.FromMinutes(3), "run", WriteSpec(), "--out", output);
        Assert.True(result.ExitCode == 0, result.Error);
        Assert.Contains("round 1, ", result.Error, StringComparison.Ordinal);

        using var summary = JsonDocument.Parse(File.ReadAllText(Path.Combine(output, OutputFolder.Summary)));
        var adaptive = summary.RootElement.GetProperty("adaptive");
        var stopped = adaptive.GetProperty("stopped").GetString();
        Assert.True(stopped is "done" or "budget", $"stopped: {stopped}");
        var total = Manifest(output).GetProperty("trials_total").GetInt64();
        Assert.InRange(total, GridTrials + 1, MaxTrials);
        Assert.Equal(total, adaptive.GetProperty("trials").GetInt64());

        var rows = Rows(Path.Combine(output, TransitionTable.File));
        Assert.Equal(2, rows.Count);
        var states = adaptive.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("state").GetString()).ToList();
        for (var i = 0; i < rows.Count; i++)
        {
            var width = (Number(rows[i]["m50_high"]) - Number(rows[i]["m50_low"])) / Number(rows[i]["m50"]);
            // A line is precise or stopped by the budget (settled cells keep getting trials at integer resolution).
            Assert.True(width <= Precision || states[i] is "budget", $"line {i}: width {width:P1}, state {states[i]}");
            Assert.Equal("ok", rows[i]["fit"]);
        }
        Assert.Contains("precise", states);

        var cells = Rows(Path.Combine(output, OutputFolder.CellsCsv));
        Assert.True(cells.Count > 10, "rounds added axis values");
        Assert.All(cells, c => Assert.Equal(Math.Round(Number(c["m"])), Number(c["m"])));
        Assert.Equal(total, cells.Sum(c => long.Parse(c["trials"], CultureInfo.InvariantCulture)));
    }

    [Fact]
    public void A_killed_adaptive_run_resumes_without_recomputing_and_writes_the_same_transitions()
    {
        var spec = WriteSpec();
        var killed = Path.Combine(_root, "killed");
        var clean = Path.Combine(_root, "clean");

        using (var process = SweepsProcess.Start("run", spec, "--out", killed, "--max-concurrent-trials", "1"))
        {
            var deadline = DateTime.UtcNow.AddMinutes(2);
            // Past the grid: the kill lands in an adaptive round.
            while (StoredTrials.In(killed) < GridTrials + 30)
            {
                Assert.False(process.HasExited, "the sweep finished (or failed) before it could be killed; make it longer");
                Assert.True(DateTime.UtcNow < deadline, "the sweep made no progress in 2 minutes");
                Thread.Sleep(20);
            }
            process.Kill(entireProcessTree: true);
            process.WaitForExit();
        }
        var committed = StoredTrials.In(killed);

        var resumed = SweepsProcess.Run(TimeSpan.FromMinutes(3), "run", spec, "--out", killed);
        Assert.True(resumed.ExitCode == 0, resumed.Error);
        var uninterrupted = SweepsProcess.Run(TimeSpan.FromMinutes(3), "run", spec, "--out", clean);
        Assert.True(uninterrupted.ExitCode == 0, uninterrupted.Error);

        var manifest = Manifest(killed);
        var total = Manifest(clean).GetProperty("trials_total").GetInt64();
        Assert.Equal(total, manifest.GetProperty("trials_total").GetInt64());
        Assert.InRange(committed, GridTrials + 30, total - 1);
        Assert.Equal(committed, manifest.GetProperty("trials_reused").GetInt64());
        Assert.Equal(total - committed, manifest.GetProperty("trials_computed").GetInt64());
        Assert.Equal(File.ReadAllBytes(Path.Combine(clean, TransitionTable.File)), File.ReadAllBytes(Path.Combine(killed, TransitionTable.File)));
        Assert.Equal(StoredTrials.In(clean), StoredTrials.In(killed));
    }

    [Fact]
    public void A_tighter_precision_on_a_finished_adaptive_sweep_extends_it_and_matches_a_fresh_run()
    {
        var loose = WriteSpec();
        var tight = WriteSpec(SpecWith(Precision / 2), "tight.yaml");
        var extended = Path.Combine(_root, "extended");
        var fresh = Path.Combine(_root, "fresh");

        var first = SweepsProcess.Run(TimeSpan.FromMinutes(3), "run", loose, "--out", extended);
        Assert.True(first.ExitCode == 0, first.Error);
        var looseTotal = Manifest(extended).GetProperty("trials_total").GetInt64();
        var again = SweepsProcess.Run(TimeSpan.FromMinutes(3), "run", tight, "--out", extended);
        Assert.True(again.ExitCode == 0, again.Error);
        var direct = SweepsProcess.Run(TimeSpan.FromMinutes(3), "run", tight, "--out", fresh);
        Assert.True(direct.ExitCode == 0, direct.Error);

        var manifest = Manifest(extended);
        Assert.True(manifest.GetProperty("trials_reused").GetInt64() > GridTrials, "the first run's trials are reused");
        Assert.True(manifest.GetProperty("trials_total").GetInt64() > looseTotal, "the tighter precision added trials");
        Assert.Equal(File.ReadAllBytes(Path.Combine(fresh, TransitionTable.File)), File.ReadAllBytes(Path.Combine(extended, TransitionTable.File)));
    }

    private string WriteSpec(string? text = null, string name = "spec.yaml")
    {
        var path = Path.Combine(_root, name);
        File.WriteAllText(path, text ?? Spec);
        return path;
    }

    private static JsonElement Manifest(string folder) =>
        JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, OutputFolder.Manifest))).RootElement.Clone();

    private static double Number(string text) => double.Parse(text, CultureInfo.InvariantCulture);

    /// <summary>A CSV file's rows by column name (these files have no quoted fields).</summary>
    private static List<Dictionary<string, string>> Rows(string path)
    {
        var lines = File.ReadAllLines(path);
        var header = lines[0].Split(',');
        return [.. lines.Skip(1).Select(l => header.Zip(l.Split(',')).ToDictionary(p => p.First, p => p.Second))];
    }
}
