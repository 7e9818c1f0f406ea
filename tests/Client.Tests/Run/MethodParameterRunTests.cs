using System.Globalization;
using Sweeps.Client.Output;
using Sweeps.Numerics.Trials;

namespace Sweeps.Client.Tests.Run;

/// <summary>
/// A tiny embedded `sweeps run` where two methods get different parameters of their own (issue #4): trials.csv and
/// cells.csv show each method's values in columns named after the parameters, and every row is what a direct
/// TrialRunner run with those values and the row's seed gives.
/// </summary>
public sealed class MethodParameterRunTests : IDisposable
{
    private const string Spec = """
        problem: symmetric-sensing
        fixed: { d: 5, r: 1, m: 12 }
        methods:
          - { name: gd-small-init, alpha: 0.01, max_iters: 700 }
          - { name: gd-random-init, alpha: [0.5, 2] }
        trials: 2
        seed: 21
        """;

    private readonly string _root = Directory.CreateTempSubdirectory("sweeps-method-parameters-").FullName;

    public void Dispose() => Directory.Delete(_root, recursive: true);

    [Fact]
    public void Trials_and_cells_csv_show_each_method_parameters_and_the_trials_ran_with_them()
    {
        var spec = Path.Combine(_root, "spec.yaml");
        File.WriteAllText(spec, Spec);
        var output = Path.Combine(_root, "out");
        var result = SweepsProcess.Run(TimeSpan.FromMinutes(2), "run", spec, "--out", output);
        Assert.True(result.ExitCode == 0, result.Error);

        var rows = TrialTable.ReadCsv(Path.Combine(output, OutputFolder.TrialsCsv));
        Assert.Equal(6, rows.Count);
        var expected = new Dictionary<string, (string Method, string Alpha, string MaxIters)>
        {
            ["gd-small-init"] = ("gd-small-init", "0.01", "700"),
            ["gd-random-init[alpha=0.5]"] = ("gd-random-init", "0.5", ""),
            ["gd-random-init[alpha=2]"] = ("gd-random-init", "2", ""),
        };
        foreach (var row in rows)
        {
            var (method, alpha, maxIters) = expected[row["method"]];
            Assert.Equal((alpha, maxIters), (row["alpha"], row["max_iters"]));
            var values = new Dictionary<string, double> { ["d"] = 5, ["r"] = 1, ["m"] = 12, ["alpha"] = double.Parse(alpha, CultureInfo.InvariantCulture) };
            if (maxIters.Length > 0)
                values["max_iters"] = double.Parse(maxIters, CultureInfo.InvariantCulture);
            var direct = TrialRunner.Run(ParameterNames.ToTrialParameters(
                "symmetric-sensing", method, values, new SuccessCriterion(1e-3), ulong.Parse(row["seed"], CultureInfo.InvariantCulture)));
            Assert.Equal(direct.Iterations.ToString(CultureInfo.InvariantCulture), row["iterations"]);
            Assert.Equal(direct.RelError, double.Parse(row["rel_error"], CultureInfo.InvariantCulture));
        }
        // The method parameters follow the contract columns.
        var header = File.ReadLines(Path.Combine(output, OutputFolder.TrialsCsv)).First().Split(',');
        Assert.Equal(TrialTable.Leading, header.Take(TrialTable.Leading.Count));
        Assert.Contains("alpha", header.Skip(TrialTable.Leading.Count));

        var cells = CellTable.Read(Path.Combine(output, OutputFolder.CellsCsv));
        Assert.Equal(expected.Keys, cells.Select(c => c.Method));
        foreach (var cell in cells)
        {
            Assert.Equal(double.Parse(expected[cell.Method].Alpha, CultureInfo.InvariantCulture), cell.Parameters["alpha"]);
            Assert.Equal(expected[cell.Method].MaxIters.Length > 0, cell.Parameters.ContainsKey("max_iters"));
            Assert.Equal(2, cell.Trials);
        }
    }
}
