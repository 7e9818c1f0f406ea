using Sweeps.Client.Plots;
using Sweeps.Client.Specs;

namespace Sweeps.Client.Tests.Plots;

public sealed class PhaseGridTests
{
    [Fact]
    public void Contour_of_a_linear_field_lies_on_its_level_line()
    {
        // f(x, y) = 0.1 x - 0.15 y + 0.4: every contour point must satisfy f = 0.5 exactly.
        var values = new double[6, 9];
        for (var j = 0; j < 6; j++)
            for (var i = 0; i < 9; i++)
                values[j, i] = 0.1 * i - 0.15 * j + 0.4;
        var segments = HalfContour.Segments(values, 0.5);
        Assert.NotEmpty(segments);
        foreach (var (a, b) in segments)
        {
            Assert.Equal(0.5, 0.1 * a.X - 0.15 * a.Y + 0.4, 12);
            Assert.Equal(0.5, 0.1 * b.X - 0.15 * b.Y + 0.4, 12);
        }
        // The level line x = 1 + 1.5 y runs inside the grid from (1, 0) to (8, 14/3): the segments must cover exactly that length.
        var length = segments.Sum(s => Math.Sqrt(Math.Pow(s.B.X - s.A.X, 2) + Math.Pow(s.B.Y - s.A.Y, 2)));
        Assert.Equal(Math.Sqrt(49 + 14.0 / 3 * (14.0 / 3)), length, 9);
    }

    [Fact]
    public void Saddle_is_split_by_the_centre_average()
    {
        // Corners 0 and 2 (bottom-left, top-right) high; centre average 0.6 >= 0.5 joins them, cutting off the low corners.
        var segments = HalfContour.Segments(new double[,] { { 1.0, 0.2 }, { 0.2, 1.0 } }, 0.5);
        Assert.Equal(2, segments.Count);
        static bool Near((double X, double Y) p, double x, double y) => Math.Abs(p.X - x) + Math.Abs(p.Y - y) < 1e-12;
        Assert.Contains(segments, s => Near(s.A, 0.625, 0) && Near(s.B, 1, 0.375));   // cuts off (1, 0)
        Assert.Contains(segments, s => Near(s.A, 0.375, 1) && Near(s.B, 0, 0.625));   // cuts off (0, 1)
    }

    [Fact]
    public void Real_values_map_to_cell_indices_piecewise_linearly()
    {
        double[] axis = [10, 20, 40];
        Assert.Equal(0, PhaseGrid.ToIndex(axis, 10));
        Assert.Equal(0.5, PhaseGrid.ToIndex(axis, 15));
        Assert.Equal(1.5, PhaseGrid.ToIndex(axis, 30));
        Assert.Equal(2.5, PhaseGrid.ToIndex(axis, 50));
        Assert.Equal(-1, PhaseGrid.ToIndex(axis, 0));
    }

    [Fact]
    public void Unnamed_dimensions_are_pooled_by_adding_counts()
    {
        var cells = PhaseDiagramTests.Synthetic(trials: 20);
        // x = m, y = method, d pooled: the rate at a given m is total successes over total trials across d.
        var grid = PhaseGrid.Build(new PlotRequest("m", PlotRequest.Method, null), cells);
        var panel = Assert.Single(grid.Panels).Values;
        Assert.Equal(["flat-convex", "nuclear"], grid.YLabels);
        Assert.Equal(12, grid.XLabels.Count);
        var atM100 = cells.Where(c => c.Method == "nuclear" && c.Parameters["m"] == 100).ToList();
        Assert.Equal((double)atM100.Sum(c => c.Successes) / atM100.Sum(c => c.Trials), panel[1, grid.XLabels.ToList().IndexOf("100")]);
    }
}
