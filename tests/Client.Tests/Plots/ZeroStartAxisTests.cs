using System.Collections.Immutable;
using Sweeps.Client.Output;
using Sweeps.Client.Plots;
using Sweeps.Client.Specs;

namespace Sweeps.Client.Tests.Plots;

/// <summary>
/// A noise axis starting at 0 (0, 0.001, 0.01, 0.1) is geometric after its first value: drawn with equal-width cells,
/// a log-like axis with 0 as its first cell, not linearly with 0.001 and 0.01 squeezed against 0.
/// </summary>
public sealed class ZeroStartAxisTests
{
    private static readonly double[] Noise = [0, 0.001, 0.01, 0.1];

    [Fact]
    public void Zero_then_a_constant_ratio_gets_equal_width_cells_with_zero_first()
    {
        var axis = PanelAxis.For([.. Noise.Select(PhaseGrid.Label)], Noise);
        Assert.False(axis.ToScale);
        Assert.Equal([(-0.5, 0.5), (0.5, 1.5), (1.5, 2.5), (2.5, 3.5)], axis.Cells);
        Assert.Equal(0, axis.Map(0));
        Assert.Equal(2, axis.Map(0.01));
        Assert.Equal(1.5, axis.Map(0.0055), 12);
        Assert.Equal([(0.0, "0"), (1.0, "0.001"), (2.0, "0.01"), (3.0, "0.1")], axis.TickMarks());
    }

    [Theory]
    [InlineData(new[] { 0, 60, 61, 62.0 })]      // a ratio near 1: an uneven linear axis, to scale
    [InlineData(new[] { 0, 0.01, 0.1 })]         // two values after 0 do not make a ratio to trust
    [InlineData(new[] { 0, 0.001, 0.01, 0.5 })]  // not a constant ratio
    public void Other_axes_starting_at_zero_stay_to_scale(double[] values) =>
        Assert.True(PanelAxis.For([.. values.Select(PhaseGrid.Label)], values).ToScale);

    [Fact]
    public void The_noise_by_m_panel_draws_equal_rows_for_every_noise_level()
    {
        var cells = new List<CellSummary>();
        foreach (var noise in Noise)
        {
            foreach (var m in new[] { 20.0, 40, 60 })
            {
                var successes = m > 30 ? 20 : 0;
                var (low, high) = WilsonInterval.Of(successes, 20);
                var parameters = ImmutableSortedDictionary.CreateRange(StringComparer.Ordinal,
                    new Dictionary<string, double> { ["d1"] = 10, ["d2"] = 10, ["r"] = 1, ["m"] = m, ["noise"] = noise });
                cells.Add(new CellSummary(cells.Count, "flat-convex", parameters, 20, successes, successes / 20.0, low, high, 1e-3, 100, 0.1));
            }
        }
        var grid = PhaseGrid.Build(new PlotRequest("m", "noise", null), cells);
        var panel = grid.Panels.Single();
        var plot = PhaseDiagram.Panel(grid, panel.Facet, panel.Values, [], null, new ScottPlot.Range(0, 1), panel.Present);
        // Both axes in index space: one heat map of equal cells, y from -0.5 to 3.5, no rectangles drawn to scale.
        Assert.Single(plot.GetPlottables().OfType<ScottPlot.Plottables.Heatmap>());
        Assert.Empty(plot.GetPlottables().OfType<ScottPlot.Plottables.Rectangle>());
        var limits = plot.Axes.GetLimits();
        Assert.Equal((-0.5, 3.5), (limits.Bottom, limits.Top));
    }
}
