using System.Globalization;
using System.Text.Json;
using Sweeps.Numerics;
using Sweeps.Client.Output;
using Sweeps.Client.Specs;
using Sweeps.Client.Tests.Cli;
using Sweeps.Client.Tests.Run;
using Sweeps.Numerics.External;
using Sweeps.Numerics.Problems;
using Sweeps.Numerics.Random;
using Sweeps.Numerics.Trials;

namespace Sweeps.Client.Tests.External;

/// <summary>
/// An embedded `sweeps run` with external-command methods (issue #16): a Python gradient-descent method is judged
/// by exactly the metrics Sweeps computes from its output on the same instances as a built-in method, and crashing,
/// hanging and garbage-writing scripts end as statuses with reasons, leaving no process and no temporary folder.
/// </summary>
[Collection(ExternalScripts.Collection)]
public sealed class ExternalMethodRunTests : IDisposable
{
    private const string Spec = """
        problem: symmetric-sensing
        fixed: { d: 8, r: 1, m: 30 }
        methods:
          - gd-small-init
          - { name: py-gd, command: [/usr/bin/python3, gd_sensing.py], timeout: 120 }
          - { name: crash, command: [/usr/bin/python3, misbehave.py, crash], timeout: 60 }
          - { name: hang, command: [/usr/bin/python3, misbehave.py, hang], timeout: 2 }
          - { name: garbage, command: [/usr/bin/python3, misbehave.py, garbage], timeout: 60 }
          - { name: nan, command: [/usr/bin/python3, misbehave.py, nan], timeout: 60 }
        trials: 2
        seed: 5
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("sweeps-external-run-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Python_method_runs_in_a_sweep_with_metrics_computed_from_its_output_and_failures_are_statuses()
    {
        ExternalScripts.CopyTo(_root);
        var spec = Path.Combine(_root, "spec.yaml");
        File.WriteAllText(spec, Spec);
        var output = Path.Combine(_root, "out");
        var (temp, environment) = ExternalScripts.PrivateTemp(_root);

        var result = SweepsProcess.Run(TimeSpan.FromMinutes(3), environment, "run", spec, "--out", output);
        Assert.True(result.ExitCode == 0, result.Error);

        var rows = TrialTable.ReadCsv(Path.Combine(output, OutputFolder.TrialsCsv));
        Assert.Equal(12, rows.Count);
        var byMethod = rows.GroupBy(r => r["method"]).ToDictionary(g => g.Key, g => g.OrderBy(r => r["trial"]).ToList());

        foreach (var row in byMethod["py-gd"])
            AssertMetricsAreThoseOfItsOutput(row);
        Assert.All(byMethod["py-gd"], r => Assert.Equal("true", r["success"]));
        // Paired: the same instance as the built-in method's trial of the same index.
        Assert.Equal(byMethod["gd-small-init"].Select(r => (r["seed"], r["flat_trace_at_truth"])), byMethod["py-gd"].Select(r => (r["seed"], r["flat_trace_at_truth"])));

        AssertTrialCommandReproduces(SpecLoader.LoadFile(spec).Definition, byMethod["py-gd"][0]);

        AssertStatus(byMethod["crash"], "method-error", "exit code 1: RuntimeError: this method crashes on purpose");
        AssertStatus(byMethod["hang"], "timeout", "killed after the timeout of 2 s");
        AssertStatus(byMethod["garbage"], "method-error", "malformed answer: U.npy: not a .npy file");
        AssertStatus(byMethod["nan"], "diverged", "non-finite factors");
        Assert.All(byMethod["hang"], r => Assert.InRange(double.Parse(r["seconds"], CultureInfo.InvariantCulture), 2, 30));

        Assert.Empty(ExternalScripts.ProcessesMentioning(_root));
        Assert.Empty(ExternalScripts.InstanceFolders(temp));
    }

    private static void AssertStatus(List<Dictionary<string, string>> rows, string status, string reason) =>
        Assert.All(rows, r =>
        {
            Assert.Equal(status, r["status"]);
            Assert.StartsWith(reason, r["reason"], StringComparison.Ordinal);
            Assert.Equal("false", r["success"]);
            Assert.Equal("", r["rel_error"]);
        });

    /// <summary>Runs the script by hand on the trial's instance and measures its U.npy directly on the sampled problem.</summary>
    private void AssertMetricsAreThoseOfItsOutput(Dictionary<string, string> row)
    {
        var seed = ulong.Parse(row["seed"], CultureInfo.InvariantCulture);
        var parameters = ParameterNames.ToTrialParameters(
            "symmetric-sensing", "py-gd", new Dictionary<string, double> { ["d"] = 8, ["r"] = 1, ["m"] = 30 }, new SuccessCriterion(), seed);
        var problem = (IMatrixSensingProblem)Catalogs.Problems.Get("symmetric-sensing").Sample(parameters, new TrialSeed(seed));
        var folder = Directory.CreateDirectory(Path.Combine(_root, "direct-" + row["trial"])).FullName;
        InstanceFolder.Write(folder, problem, parameters, 120, CancellationToken.None);
        ExternalScripts.RunPython(Path.Combine(_root, ExternalScripts.GradientDescent), folder);

        var (u, shape) = NpyFile.Read(Path.Combine(folder, "U.npy"));
        Assert.Equal([8, 8], shape);
        var metrics = problem.Evaluate(u);
        Assert.Equal(metrics.RelError, Number(row, "rel_error"));
        Assert.Equal(problem.Loss(u), Number(row, "loss"));
        Assert.Equal(problem.HessianTrace(u), Number(row, "hessian_trace"));
        Assert.Equal(problem.FlatTraceAtTruth, Number(row, "flat_trace_at_truth"));
        Assert.Equal(metrics.Rank.ToString(CultureInfo.InvariantCulture), row["rank"]);
        using var reported = JsonDocument.Parse(File.ReadAllText(Path.Combine(folder, "metrics.json")));
        Assert.Equal(reported.RootElement.GetProperty("iterations").GetInt32().ToString(CultureInfo.InvariantCulture), row["iterations"]);
        Assert.Equal(reported.RootElement.GetProperty("status").GetString(), row["status"]);
    }

    /// <summary>
    /// The live page's command for the row (`sweeps trial ... --seed S --method py-gd --timeout 120 -- python3 .../gd_sensing.py`),
    /// run as it stands, prints the row the sweep wrote.
    /// </summary>
    private void AssertTrialCommandReproduces(Grains.Sweeps.SweepDefinition definition, Dictionary<string, string> row)
    {
        var command = Hosting.Live.ReproCommand.For(definition, definition.Cells[0], "py-gd", ulong.Parse(row["seed"], CultureInfo.InvariantCulture));
        Assert.EndsWith($"--timeout 120 -- {ExternalScripts.Python} {Path.Combine(_root, ExternalScripts.GradientDescent)}", command, StringComparison.Ordinal);
        var words = command.Split(' ').Skip(1).ToList();
        var (code, output, error) = CliRunner.Run([.. words.Take(words.IndexOf("--")), "--json", .. words.Skip(words.IndexOf("--"))]);
        Assert.True(code == 0, error);
        using var json = JsonDocument.Parse(output);
        foreach (var column in new[] { "rel_error", "loss", "hessian_trace", "flat_trace_at_truth" })
            Assert.Equal(Number(row, column), json.RootElement.GetProperty(column).GetDouble());
        Assert.Equal(row["status"], json.RootElement.GetProperty("status").GetString());
        Assert.Equal(row["iterations"], json.RootElement.GetProperty("iterations").GetInt32().ToString(CultureInfo.InvariantCulture));
    }

    private static double Number(Dictionary<string, string> row, string column) => double.Parse(row[column], CultureInfo.InvariantCulture);
}
