using System.Globalization;
using Sweeps.Client.Output;
using Sweeps.Client.Specs;
using Sweeps.Client.Tests.Run;

namespace Sweeps.Client.Tests.External;

/// <summary>
/// External-command problems (issue #16): coin_problem.py is each whole trial (it draws its own outcome from the trial's
/// method seed and reports success and metrics); the success rates, transitions and trials.csv are built on what it
/// reports, its metrics become columns, a crashing method is method-error, and the command and script hash are in the
/// sweep id.
/// </summary>
[Collection(ExternalScripts.Collection)]
public sealed class ExternalProblemTests : IDisposable
{
    private const string Spec = """
        problem: { name: coin-flip, command: [/usr/bin/python3, coin_problem.py], timeout: 30 }
        fixed: { d: 1, r: 1 }
        axes: { m: [10, 14, 18, 22, 26, 30] }
        methods: [coin, crash]
        trials: 10
        seed: 3
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("sweeps-external-problem-").FullName;

    public ExternalProblemTests() => ExternalScripts.CopyTo(_root);

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void A_command_problem_runs_whole_trials_whose_reported_success_and_metrics_make_the_outputs()
    {
        var spec = Path.Combine(_root, "spec.yaml");
        File.WriteAllText(spec, Spec);
        var output = Path.Combine(_root, "out");
        var (temp, environment) = ExternalScripts.PrivateTemp(_root);
        var run = SweepsProcess.Run(TimeSpan.FromMinutes(3), environment, "run", spec, "--out", output);
        Assert.True(run.ExitCode == 0, run.Error);

        var rows = TrialTable.ReadCsv(Path.Combine(output, OutputFolder.TrialsCsv));
        Assert.Equal(120, rows.Count);
        foreach (var row in rows.Where(r => r["method"] == "coin"))
        {
            var m = double.Parse(row["m"], CultureInfo.InvariantCulture);
            var p = 1 / (1 + Math.Exp(-(m - 20) / 2));
            Assert.Equal(p, double.Parse(row["p_success"], CultureInfo.InvariantCulture), 12);
            var draw = double.Parse(row["draw"], CultureInfo.InvariantCulture);
            Assert.Equal(draw < p ? "true" : "false", row["success"]);
            Assert.Equal(row["draw"], row["rel_error"]);
            Assert.Equal("converged", row["status"]);
        }
        Assert.All(rows.Where(r => r["method"] == "crash"), r =>
        {
            Assert.Equal("method-error", r["status"]);
            Assert.StartsWith("exit code 1: RuntimeError: this problem crashes on purpose", r["reason"], StringComparison.Ordinal);
        });

        // The live page's command for a row, run as it stands, reports that row's outcome and metrics.
        var definition = SpecLoader.LoadFile(spec).Definition;
        var first = rows.First(r => r["method"] == "coin" && r["cell"] == "3");
        var command = Hosting.Live.ReproCommand.For(definition, definition.Cells[3], "coin", ulong.Parse(first["seed"], CultureInfo.InvariantCulture));
        Assert.Contains(" --problem-command --timeout 30 -- /usr/bin/python3 ", command, StringComparison.Ordinal);
        var words = command.Split(' ').Skip(1).ToList();
        var (code, printed, error) = Cli.CliRunner.Run([.. words.Take(words.IndexOf("--")), "--json", .. words.Skip(words.IndexOf("--"))]);
        Assert.True(code == 0, error);
        using (var json = System.Text.Json.JsonDocument.Parse(printed))
        {
            Assert.Equal(first["success"], json.RootElement.GetProperty("success").GetBoolean() ? "true" : "false");
            Assert.Equal(double.Parse(first["draw"], CultureInfo.InvariantCulture), json.RootElement.GetProperty("draw").GetDouble());
        }

        var transitions = File.ReadAllLines(Path.Combine(output, "transitions.csv"));
        var header = transitions[0].Split(',');
        var coin = transitions.Select(l => l.Split(',')).Single(f => f[Array.IndexOf(header, "method")] == "coin");
        Assert.InRange(double.Parse(coin[Array.IndexOf(header, "m50")], CultureInfo.InvariantCulture), 14, 26);
        Assert.Contains("problem: { name: coin-flip, command: [", File.ReadAllText(Path.Combine(output, "spec.yaml")), StringComparison.Ordinal);
        Assert.Empty(ExternalScripts.ProcessesMentioning(_root));
        Assert.Empty(ExternalScripts.InstanceFolders(temp));
    }

    [Fact]
    public void The_script_hash_is_in_the_sweep_id_and_bad_entries_name_the_field()
    {
        var before = SpecLoader.Load(Spec, folder: _root);
        Assert.Equal(before.SweepId, SpecLoader.Load(before.NormalizedText).SweepId);
        File.AppendAllText(Path.Combine(_root, ExternalScripts.CoinProblem), "\n# a new version\n");
        Assert.NotEqual(before.SweepId, SpecLoader.Load(Spec, folder: _root).SweepId);

        AssertError(Spec.Replace("name: coin-flip", "name: symmetric-sensing", StringComparison.Ordinal), "problem.name: 'symmetric-sensing' is a built-in problem");
        AssertError(Spec.Replace("methods: [coin, crash]", "methods: [{ name: coin, step: 0.1 }]", StringComparison.Ordinal), "methods[0]:");
        AssertError(Spec.Replace(", command: [/usr/bin/python3, coin_problem.py]", "", StringComparison.Ordinal), "problem.command: missing");
        AssertError(Spec.Replace("timeout: 30", "timeout: -1", StringComparison.Ordinal), "problem.timeout: -1 is not allowed");
    }

    private void AssertError(string yaml, string expected)
    {
        var error = Assert.Throws<SpecException>(() => SpecLoader.Load(yaml, folder: _root));
        Assert.Contains(expected, error.Message, StringComparison.Ordinal);
    }
}
