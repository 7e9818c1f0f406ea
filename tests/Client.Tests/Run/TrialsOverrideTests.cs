using System.Text.Json;
using Sweeps.Client.Output;

namespace Sweeps.Client.Tests.Run;

/// <summary>
/// `sweeps run SPEC --trials N` on a real process: a larger N extends the same sweep in the same
/// folder (computing only the new trials) and gives exactly the trials a spec asking for N from
/// the start gives; a smaller N reports the first N.
/// </summary>
public sealed class TrialsOverrideTests : IDisposable
{
    private const string Spec = """
        problem: symmetric-sensing
        fixed: { d: 6, k: 6, r: 1 }
        axes:
          m: [8, 14]
        methods: [flat-convex]
        trials: 2
        seed: 9
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("sweeps-trials-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void More_trials_extend_the_sweep_and_match_a_run_that_asked_for_them()
    {
        var spec = Path.Combine(_root, "spec.yaml");
        File.WriteAllText(spec, Spec);
        var extended = Path.Combine(_root, "extended");
        var direct = Path.Combine(_root, "direct");

        Run("run", spec, "--out", extended);
        Run("run", spec, "--out", extended, "--trials", "5");
        using (var manifest = JsonDocument.Parse(File.ReadAllText(Path.Combine(extended, OutputFolder.Manifest))))
        {
            Assert.Equal(2 * 2, manifest.RootElement.GetProperty("trials_reused").GetInt64());
            Assert.Equal(2 * 3, manifest.RootElement.GetProperty("trials_computed").GetInt64());
        }

        File.WriteAllText(Path.Combine(_root, "five.yaml"), Spec.Replace("trials: 2", "trials: 5", StringComparison.Ordinal));
        Run("run", Path.Combine(_root, "five.yaml"), "--out", direct);
        Assert.Equal(Rows(direct), Rows(extended));
        Assert.Equal(10, Rows(extended).Count);

        Run("run", spec, "--out", extended, "--trials", "3");
        Assert.Equal(Rows(direct).Where(r => int.Parse(r.Split(',')[1], System.Globalization.CultureInfo.InvariantCulture) < 3), Rows(extended));
    }

    private static void Run(params string[] args)
    {
        var result = SweepsProcess.Run(TimeSpan.FromMinutes(2), args);
        Assert.True(result.ExitCode == 0, result.Error);
    }

    /// <summary>trials.csv rows without the seconds column (wall times differ between runs).</summary>
    private static List<string> Rows(string folder)
    {
        var lines = File.ReadAllLines(Path.Combine(folder, OutputFolder.TrialsCsv));
        var seconds = Array.IndexOf(lines[0].Split(','), "seconds");
        return lines.Skip(1).Select(l => string.Join(',', l.Split(',').Where((_, i) => i != seconds))).ToList();
    }
}
