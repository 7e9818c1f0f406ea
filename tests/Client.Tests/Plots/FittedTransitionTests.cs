using Sweeps.Client.Output;
using Sweeps.Client.Plots;
using Sweeps.Client.Specs;
using Sweeps.Numerics.Statistics;

namespace Sweeps.Client.Tests.Plots;

/// <summary>The fitted 50% curve of a phase diagram: which lines it draws and where.</summary>
public sealed class FittedTransitionTests : IDisposable
{
    private readonly string _folder = Directory.CreateTempSubdirectory("sweeps-fitted-").FullName;

    public void Dispose() => Directory.Delete(_folder, recursive: true);

    [Fact]
    public void Each_panel_draws_its_methods_m50_per_size_with_the_interval()
    {
        var cells = PhaseDiagramTests.Synthetic();
        var rows = TransitionTable.Fit("general-sensing", "m", cells);
        var grid = PhaseGrid.Build(new PlotRequest("m", "d", PlotRequest.Method), cells);
        foreach (var (method, factor) in new[] { ("flat-convex", 1.0), ("nuclear", 2.0) })
        {
            var panel = grid.Panels.Single(p => p.FacetKey == method);
            var fitted = FittedTransition.For(grid, panel.FacetKey, rows);
            Assert.NotNull(fitted);
            Assert.True(fitted.AxisOnX);
            // Synthetic successes follow a logistic centred on factor * 7 d: nuclear's last sizes (m50 = 350, 420) are beyond the grid's 240.
            var inside = fitted.Points.Where(p => factor * 7 * p.Other < 220).ToList();
            Assert.NotEmpty(inside);
            foreach (var p in inside)
            {
                Assert.InRange(p.M50, factor * 7 * p.Other - 3, factor * 7 * p.Other + 3);
                Assert.True(p.Low < p.M50 && p.M50 < p.High);
                var row = rows.Single(r => r.Method == method && r.Coordinates["d1"] == p.Other);
                Assert.Equal((row.Fit.X50, row.Fit.Low, row.Fit.High), (p.M50, p.Low, p.High));
            }
            Assert.Equal(fitted.Points.Select(p => p.Other).Order(), fitted.Points.Select(p => p.Other));
        }
    }

    [Fact]
    public void No_curve_when_a_panel_pools_several_lines_or_does_not_plot_the_axis()
    {
        var cells = PhaseDiagramTests.Synthetic();
        var rows = TransitionTable.Fit("general-sensing", "m", cells);
        // No facet: each d holds a flat-convex and a nuclear line; one curve through both would mean nothing.
        var pooled = PhaseGrid.Build(new PlotRequest("m", "d", null), cells);
        Assert.Null(FittedTransition.For(pooled, "", rows));
        var noAxis = PhaseGrid.Build(new PlotRequest("d", "r", PlotRequest.Method), cells);
        Assert.Null(FittedTransition.For(noAxis, "flat-convex", rows));
        var byMethod = PhaseGrid.Build(new PlotRequest("m", PlotRequest.Method, null), cells);
        Assert.Null(FittedTransition.For(byMethod, "", rows));
    }

    [Fact]
    public void The_picture_names_the_fitted_curve()
    {
        var cells = PhaseDiagramTests.Synthetic();
        var rows = TransitionTable.Fit("general-sensing", "m", cells);
        Assert.Contains(rows, r => r.Fit.Status == TransitionStatus.Ok);
        var svg = File.ReadAllText(PhaseDiagram.Render(_folder, new PlotRequest("m", "d", PlotRequest.Method), cells, "fitted", null, rows)[1]);
        Assert.Contains(FittedTransition.Label, svg, StringComparison.Ordinal);
        var without = File.ReadAllText(PhaseDiagram.Render(_folder, new PlotRequest("m", "d", PlotRequest.Method), cells, "fitted")[1]);
        Assert.DoesNotContain(FittedTransition.Label, without, StringComparison.Ordinal);
    }
}
