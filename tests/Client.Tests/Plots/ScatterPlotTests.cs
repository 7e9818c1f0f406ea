using Sweeps.Client.Cli;
using Sweeps.Client.Commands;
using Sweeps.Client.Output;
using Sweeps.Client.Plots;
using Sweeps.Client.Specs;
using Sweeps.Client.Tests.Specs;
using Sweeps.Grains.Sweeps;
using Sweeps.Numerics.Trials;

namespace Sweeps.Client.Tests.Plots;

/// <summary>Per-trial scatter plots from trials.csv: the points, the files, and redrawing with `sweeps plot`.</summary>
public sealed class ScatterPlotTests : IDisposable
{
    private const string SpecText =
        "problem: general-sensing\nfixed: {d: 10, r: 1}\naxes: {m: [40, 60]}\nmethods: [nuclear, flat-convex]\ntrials: 3\n" +
        "plots:\n  - { x: m, y: method }\n  - { kind: scatter, x: rel_error, y: flatness_ratio }\n";

    private static readonly int[] CellIndices = [0, 1];
    private static readonly string[] Methods = ["nuclear", "flat-convex"];

    private readonly string _folder = Directory.CreateTempSubdirectory("sweeps-scatter-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>Trial t of cell c: error 10^-(c + 3t), trace 30 + 7t + c, flat trace 20 + c; one nuclear trial has no error.</summary>
    private static List<TrialRecord> Records() =>
    [
        .. from c in CellIndices
           from method in Methods
           from t in Enumerable.Range(0, 3)
           select new TrialRecord(c == 0 ? "m=40" : "m=60", method, t, (ulong)t, TrialStatus.Converged, null,
               method == "nuclear" && c == 1 && t == 2 ? double.NaN : Math.Pow(10, -(c + 3 * t)), t > 0, 1e-12, 30 + 7 * t + c, 20 + c, 0.01, 1, 10, 0.1, []),
    ];

    private async Task<LoadedSpec> WriteFolder()
    {
        var spec = SpecLoader.Load(SpecText, ToyCatalog.Instance);
        var manifest = new RunManifest("0", "0", "0", spec.SweepId, 0, DateTimeOffset.UnixEpoch, DateTimeOffset.UnixEpoch, 12, 12, 0, 1);
        var cells = await OutputFolder.WriteAsync(_folder, spec, Records(), manifest);
        Assert.Contains(Path.Combine(_folder, "scatter-rel_error-flatness_ratio.png"), PhaseDiagram.RenderAll(_folder, spec, cells));
        return spec;
    }

    [Fact]
    public async Task Points_are_the_trials_per_method_with_the_flatness_ratio_and_without_missing_values()
    {
        await WriteFolder();
        var rows = TrialTable.ReadCsv(Path.Combine(_folder, OutputFolder.TrialsCsv));
        var points = ScatterPlot.Points(new ScatterRequest("rel_error", "flatness_ratio"), rows);

        Assert.Equal(["nuclear", "flat-convex"], points.Keys);
        var expected = Records().Where(r => double.IsFinite(r.RelError))
            .GroupBy(r => r.Method)
            .ToDictionary(g => g.Key, g => g.Select(r => (r.RelError, r.HessianTrace / r.FlatTraceAtTruth)).Order().ToList());
        foreach (var (method, list) in points)
        {
            Assert.Equal(expected[method].Count, list.Count);
            foreach (var (a, b) in expected[method].Zip(list.Order()))
            {
                Assert.Equal(a.Item1, b.X, 15);
                Assert.Equal(a.Item2, b.Y, 15);
            }
        }
        Assert.Equal(5, points["nuclear"].Count);
    }

    [Fact]
    public async Task Run_outputs_include_the_scatter_files_with_legend_and_log_axes()
    {
        await WriteFolder();
        var png = File.ReadAllBytes(Path.Combine(_folder, "scatter-rel_error-flatness_ratio.png"));
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        var svg = File.ReadAllText(Path.Combine(_folder, "scatter-rel_error-flatness_ratio.svg"));
        foreach (var text in new[] { "nuclear (5)", "flat-convex (6)", "rel_error (log scale)", "flatness_ratio (log scale)", "one point per trial", "1e-6", "1e-3" })
            Assert.Contains(text, svg, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Sweeps_plot_redraws_a_scatter_named_on_the_command_line()
    {
        await WriteFolder();
        using var output = new StringWriter();
        using var error = new StringWriter();
        var commandLine = new CommandLine([new PlotCommand()], new Terminal(output, error, false));

        var code = await commandLine.RunAsync(["plot", _folder, "--kind", "scatter", "--x", "hessian_trace", "--y", "rel_error"], CancellationToken.None);
        Assert.Equal(CommandLine.Ok, code);
        Assert.Contains("scatter-hessian_trace-rel_error.svg", output.ToString(), StringComparison.Ordinal);
        Assert.Contains("hessian_trace (log scale)", File.ReadAllText(Path.Combine(_folder, "scatter-hessian_trace-rel_error.svg")), StringComparison.Ordinal);

        var bad = await commandLine.RunAsync(["plot", _folder, "--kind", "scatter", "--x", "m", "--y", "rel_error"], CancellationToken.None);
        Assert.Equal(CommandLine.BadInput, bad);
        Assert.Contains("--x: 'm' is not a scatter column", error.ToString(), StringComparison.Ordinal);
    }
}
