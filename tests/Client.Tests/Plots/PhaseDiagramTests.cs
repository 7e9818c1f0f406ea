using System.Collections.Immutable;
using Sweeps.Client.Output;
using Sweeps.Client.Plots;
using Sweeps.Client.Specs;

namespace Sweeps.Client.Tests.Plots;

public sealed class PhaseDiagramTests : IDisposable
{
    private readonly string _folder = Path.Combine(Path.GetTempPath(), "sweeps-plots-" + Guid.NewGuid().ToString("N"));

    public PhaseDiagramTests() => Directory.CreateDirectory(_folder);

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>
    /// Cells of a d x m sweep whose success rate is a logistic in m around a threshold 3.5 r d (the
    /// transition the theory curve should follow), for two methods, the second needing twice as many measurements.
    /// </summary>
    internal static List<CellSummary> Synthetic(int trials = 20)
    {
        var cells = new List<CellSummary>();
        var index = 0;
        foreach (var d in new[] { 10.0, 15, 20, 25, 30 })
        {
            foreach (var m in Enumerable.Range(0, 12).Select(i => 20.0 + 20 * i))
            {
                foreach (var (method, factor) in new[] { ("flat-convex", 1.0), ("nuclear", 2.0) })
                {
                    var rate = 1 / (1 + Math.Exp(-(m - factor * 7 * d) / 8));
                    var successes = (int)Math.Round(rate * trials);
                    var (low, high) = WilsonInterval.Of(successes, trials);
                    var parameters = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal,
                        new Dictionary<string, double> { ["d1"] = d, ["d2"] = d, ["r"] = 2, ["m"] = m });
                    cells.Add(new CellSummary(index, method, parameters, trials, successes, (double)successes / trials, low, high,
                        Math.Pow(10, -8 * rate), 100 + m, 0.1));
                }
                index++;
            }
        }
        return cells;
    }

    [Fact]
    public void Renders_png_and_svg_with_title_axis_labels_and_legend()
    {
        var request = new PlotRequest("m", "d", "method");
        var theory = new OverlayCurve("statistical dimension", [(20, 10), (220, 30)]);
        var files = PhaseDiagram.Render(_folder, request, Synthetic(), "general-sensing (fixed: r=2; 20 trials per cell)", [theory]);

        Assert.Equal([Path.Combine(_folder, "phase-m-d-method.png"), Path.Combine(_folder, "phase-m-d-method.svg")], files);
        var png = File.ReadAllBytes(files[0]);
        Assert.True(png.Length > 10_000);
        Assert.Equal([0x89, (byte)'P', (byte)'N', (byte)'G'], png[..4]);
        var svg = File.ReadAllText(files[1]);
        Assert.StartsWith("<?xml", svg, StringComparison.Ordinal);
        foreach (var text in new[] { "general-sensing (fixed: r=2; 20 trials per cell)", "method = flat-convex", "method = nuclear", "success rate", "statistical dimension", "50% success" })
            Assert.Contains(text, svg, StringComparison.Ordinal);
        Assert.Matches(@">\s*m\s*<", svg);
        Assert.Matches(@">\s*d\s*<", svg);
        Assert.Empty(Directory.GetFiles(_folder, "*" + AtomicFile.TempSuffix));
    }

    [Fact]
    public void Median_error_is_drawn_on_a_log_scale_and_named_by_metric()
    {
        var files = PhaseDiagram.Render(_folder, new PlotRequest("m", "method", null, PlotMetrics.MedianError), Synthetic(), "general-sensing");
        Assert.EndsWith("phase-m-method-median-error.svg", files[1], StringComparison.Ordinal);
        var svg = File.ReadAllText(files[1]);
        Assert.Contains("median relative error (log scale)", svg, StringComparison.Ordinal);
        Assert.Contains("1e-4", svg, StringComparison.Ordinal);
    }
}
