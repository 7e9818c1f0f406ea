using System.Collections.Immutable;
using Sweeps.Client.Output;
using Sweeps.Client.Plots;
using Sweeps.Client.Specs;

namespace Sweeps.Client.Tests.Plots;

/// <summary>
/// Issue #13 section 3: an adaptive sweep's lines each refine their own m values. Each row of the diagram is drawn
/// over its own m values only (no grey where other rows were refined), and the empirical 50% contour is found per
/// row, by interpolation between the row's own neighbouring cells.
/// </summary>
public sealed class RowCellsTests
{
    /// <summary>Row r = 1 refined at 60, 61, 62; row r = 2 at 50, 51; both keep the coarse 20, 40, 80.</summary>
    private static readonly Dictionary<double, (double M, int Successes)[]> Lines = new()
    {
        [1] = [(20, 0), (40, 0), (60, 6), (61, 14), (62, 18), (80, 20)],
        [2] = [(20, 0), (40, 2), (50, 8), (51, 16), (80, 20)],
    };

    private static List<CellSummary> Ragged()
    {
        var cells = new List<CellSummary>();
        foreach (var (r, points) in Lines)
        {
            foreach (var (m, successes) in points)
            {
                var (low, high) = WilsonInterval.Of(successes, 20);
                var parameters = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal,
                    new Dictionary<string, double> { ["d1"] = 20, ["d2"] = 20, ["r"] = r, ["m"] = m });
                cells.Add(new CellSummary(cells.Count, "flat-convex", parameters, 20, successes, successes / 20.0, low, high, 1e-3, 100, 0.1));
            }
        }
        return cells;
    }

    [Fact]
    public void Each_row_spans_its_own_values_and_crosses_50_percent_between_its_own_cells()
    {
        var grid = PhaseGrid.Build(new PlotRequest("m", "r", null), Ragged());
        var panel = grid.Panels.Single();
        Assert.Equal([20.0, 40, 50, 51, 60, 61, 62, 80], grid.XValues);
        var rows = RowCells.Of(panel.Values, panel.Present, PanelAxis.For(grid.XLabels, grid.XValues), grid.XValues!, alongX: true);

        Assert.True(rows.AlongX);
        Assert.Equal(6 + 5, rows.Cells.Count);
        var spans = rows.Cells.ToLookup(c => c.Row, c => (M: grid.XValues![c.Index], c.Low, c.High));
        // r = 1: 40 reaches halfway to its own neighbours 20 and 60, not to 50 of the other row.
        Assert.Equal([(20.0, 10.0, 30.0), (40, 30, 50), (60, 50, 60.5), (61, 60.5, 61.5), (62, 61.5, 71), (80, 71, 89)], spans[0]);
        Assert.Equal([(20.0, 10.0, 30.0), (40, 30, 45), (50, 45, 50.5), (51, 50.5, 65.5), (80, 65.5, 94.5)], spans[1]);
        // Together the row's cells tile its range: no gaps, nothing of another row's values.
        foreach (var row in spans)
            Assert.All(row.Zip(row.Skip(1)), p => Assert.Equal(p.First.High, p.Second.Low));

        // r = 1: 0.3 at 60, 0.7 at 61 -> 60.5; r = 2: 0.4 at 50, 0.8 at 51 -> 50.25.
        Assert.Equal(60.5, Assert.Single(rows.Crossings[0]), 12);
        Assert.Equal(50.25, Assert.Single(rows.Crossings[1]), 12);
        var join = Assert.Single(rows.Joins());
        Assert.Equal(((0, 60.5), (1, 50.25)), (join.A, (join.B.Row, Math.Round(join.B.Along, 12))));
    }

    [Fact]
    public void A_row_that_crosses_twice_is_not_joined_to_a_row_that_crosses_once()
    {
        var values = new double[,] { { 0, 0.6, 0.4, 0.9 }, { 0, 0.2, 0.7, 1 } };
        var present = new bool[,] { { true, true, true, true }, { true, true, true, true } };
        double[] ms = [10, 20, 21, 40];
        var rows = RowCells.Of(values, present, PanelAxis.For([.. ms.Select(PhaseGrid.Label)], ms), ms, alongX: true);
        Assert.Equal(3, rows.Crossings[0].Count);
        Assert.Equal(20.6, Assert.Single(rows.Crossings[1]), 12);
        Assert.Empty(rows.Joins());
    }

    [Theory]
    [InlineData("m", "r")]
    [InlineData("r", "m")]
    public void The_panel_draws_only_existing_cells_and_the_per_row_contour(string x, string y)
    {
        var grid = PhaseGrid.Build(new PlotRequest(x, y, null), Ragged());
        var panel = grid.Panels.Single();
        var plot = PhaseDiagram.Panel(grid, panel.Facet, panel.Values, [], null, new ScottPlot.Range(0, 1), panel.Present);

        var cells = plot.GetPlottables().OfType<ScottPlot.Plottables.Rectangle>().ToList();
        Assert.Equal(11, cells.Count);
        Assert.DoesNotContain(cells, c => c.FillColor == ScottPlot.Colors.LightGray);
        // r = 2's cell at m = 50 spans [45, 50.5] in m, row index 1 (r = 1, 2 are evenly spaced: index space).
        var expected = x == "m" ? new ScottPlot.CoordinateRect(45, 50.5, 0.5, 1.5) : new ScottPlot.CoordinateRect(0.5, 1.5, 45, 50.5);
        Assert.Contains(cells, c => c.CoordinateRect == expected);

        var dots = plot.GetPlottables().OfType<ScottPlot.Plottables.Scatter>().Single(s => s.LegendText == "50% success (empirical)");
        var at = dots.Data.GetScatterPoints().Select(p => x == "m" ? (p.X, p.Y) : (p.Y, p.X)).Select(p => (Math.Round(p.Item1, 9), p.Item2));
        Assert.Equal([(60.5, 0.0), (50.25, 1.0)], at);
        var join = Assert.Single(plot.GetPlottables().OfType<ScottPlot.Plottables.LinePlot>(), l => l.LineColor == ScottPlot.Colors.White);
        Assert.Equal(x == "m" ? 60.5 : 50.25, Math.Round(x == "m" ? join.Start.X : join.End.Y, 9));
    }
}
