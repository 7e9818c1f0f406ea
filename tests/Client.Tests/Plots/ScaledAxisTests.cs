using System.Collections.Immutable;
using Sweeps.Client.Output;
using Sweeps.Client.Plots;
using Sweeps.Client.Specs;

namespace Sweeps.Client.Tests.Plots;

/// <summary>Issue #13 section 3: an adaptive sweep's unevenly spaced m axis is drawn to scale, cells and curves alike.</summary>
public sealed class ScaledAxisTests : IDisposable
{
    private static readonly double[] Ms = [20, 40, 60, 61, 62, 80];

    private readonly string _folder = Directory.CreateTempSubdirectory("sweeps-scaled-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    /// <summary>An m x d sweep refined near m = 61, success rising steeply through 50% at m = 61 for every d.</summary>
    private static List<CellSummary> Refined()
    {
        var cells = new List<CellSummary>();
        var index = 0;
        foreach (var d in new[] { 10.0, 15, 20 })
        {
            foreach (var m in Ms)
            {
                var successes = (int)Math.Round(20 / (1 + Math.Exp(-(m - 61) / 0.8)));
                var (low, high) = WilsonInterval.Of(successes, 20);
                var parameters = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal,
                    new Dictionary<string, double> { ["d1"] = d, ["d2"] = d, ["r"] = 2, ["m"] = m });
                cells.Add(new CellSummary(index++, "flat-convex", parameters, 20, successes, successes / 20.0, low, high, 1e-3, 100, 0.1));
            }
        }
        return cells;
    }

    [Fact]
    public void Uneven_values_get_cells_between_midpoints_and_even_ones_keep_index_space()
    {
        var axis = PanelAxis.For([.. Ms.Select(PhaseGrid.Label)], Ms);
        Assert.True(axis.ToScale);
        Assert.Equal((10.0, 30.0), axis.Cells[0]);
        Assert.Equal((60.5, 61.5), axis.Cells[3]);
        Assert.Equal((71.0, 89.0), axis.Cells[^1]);
        Assert.Equal((10.0, 89.0), (axis.Low, axis.High));
        Assert.Equal(61.2, axis.Map(61.2));
        Assert.Equal(60.5, axis.FromIndex(2.5));
        // About ten ticks, at values at least a tenth of the span apart: 61 and 62 give way to 60.
        Assert.Equal([20.0, 40, 60, 80], axis.TickMarks().Select(t => t.At));

        var even = PanelAxis.For(["10", "20", "30"], [10, 20, 30]);
        Assert.False(even.ToScale);
        Assert.Equal((-0.5, 0.5), even.Cells[0]);
        Assert.Equal(1.5, even.Map(25));
        Assert.Equal([(0.0, "10"), (1.0, "20"), (2.0, "30")], even.TickMarks());
        // Noise levels 0.001, 0.003, 0.01, ... have a near-constant ratio: equal-width cells are their log scale.
        Assert.False(PanelAxis.For(["a", "b", "c", "d", "e"], [0.001, 0.003, 0.01, 0.03, 0.1]).ToScale);
        Assert.False(PanelAxis.For(["flat-convex", "nuclear"], null).ToScale);
    }

    [Fact]
    public void The_panel_draws_cells_contour_and_fitted_m50_at_real_m()
    {
        var grid = PhaseGrid.Build(new PlotRequest("m", "d", null), Refined());
        var fitted = new FittedTransition(true, [(10, 61.2, 60.9, 61.6), (15, 61.2, 60.8, double.NaN), (20, 61.2, 60.9, 61.5)]);
        var panel = grid.Panels.Single();
        var theory = new OverlayCurve("theory", [(61.2, 10), (70, 20)]);
        var plot = PhaseDiagram.Panel(grid, panel.Facet, panel.Values, [theory], fitted, new ScottPlot.Range(0, 1));

        var cells = plot.GetPlottables().OfType<ScottPlot.Plottables.Rectangle>().ToList();
        Assert.Equal(Ms.Length * 3, cells.Count);
        Assert.Contains(cells, c => c.CoordinateRect == new ScottPlot.CoordinateRect(60.5, 61.5, 0.5, 1.5));
        Assert.Contains(cells, c => c.CoordinateRect == new ScottPlot.CoordinateRect(10, 30, -0.5, 0.5));
        // The d axis (10, 15, 20) is even: index space, rows centred on 0, 1, 2.
        Assert.DoesNotContain(cells, c => c.CoordinateRect.Bottom > 2.5);

        var curve = plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>().Single(s => s.LegendText == FittedTransition.Label);
        Assert.All(curve.Data.GetScatterPoints(), p => Assert.Equal(61.2, p.X, 12));
        Assert.Equal([0.0, 1, 2], curve.Data.GetScatterPoints().Select(p => p.Y));
        var overlay = plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>().Single(s => s.LegendText == "theory");
        Assert.Equal([new ScottPlot.Coordinates(61.2, 0), new ScottPlot.Coordinates(70, 2)], overlay.Data.GetScatterPoints());
        // The interval bar of the unclosed line reaches the plot's right edge, the end cell's 89.
        var bars = plot.GetPlottables().OfType<ScottPlot.Plottables.LinePlot>().Where(l => l.LineColor == ScottPlot.Colors.Black).ToList();
        Assert.Contains(bars, b => b.Start.X == 60.8 && b.End.X == 89);

        // The contour crosses 50% between m = 60 (5 of 20) and 61 (10 of 20) in real m, not in index space.
        var contour = plot.GetPlottables().OfType<ScottPlot.Plottables.LinePlot>().Where(l => l.LineColor == ScottPlot.Colors.White).ToList();
        Assert.NotEmpty(contour);
        Assert.All(contour, l => Assert.InRange(l.Start.X, 60, 61));
        Assert.All(contour, l => Assert.InRange(l.End.X, 60, 61));
    }

    [Theory]
    [InlineData("m", "d")]
    [InlineData("d", "m")]
    public void The_refined_diagram_renders_with_its_colour_bar(string x, string y)
    {
        var cells = Refined();
        var rows = TransitionTable.Fit("general-sensing", "m", cells);
        var files = PhaseDiagram.Render(_folder, new PlotRequest(x, y, null), cells, "refined", null, rows);
        var svg = File.ReadAllText(files[1]);
        Assert.Contains("success rate", svg, StringComparison.Ordinal);
        Assert.Contains(FittedTransition.Label, svg, StringComparison.Ordinal);
        Assert.True(new FileInfo(files[0]).Length > 10_000);
        // SWEEPS_KEEP_PLOT=/tmp/refined keeps the PNGs (/tmp/refined-m-d.png, ...) to look at.
        var keep = Environment.GetEnvironmentVariable("SWEEPS_KEEP_PLOT");
        if (!string.IsNullOrEmpty(keep))
            File.Copy(files[0], $"{keep}-{x}-{y}.png", overwrite: true);
    }
}
