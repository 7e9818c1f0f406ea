using Sweeps.Numerics.Theory;

namespace Sweeps.Numerics.Tests.Theory;

public sealed class ThresholdCurveTests
{
    [Fact]
    public void General_sensing_over_the_rank_gives_the_nuclear_norm_threshold_at_each_rank()
    {
        var curves = ThresholdCurve.For("general-sensing", "r", [1, 2, 3], new Dictionary<string, double> { ["d1"] = 12, ["d2"] = 16 });
        var curve = Assert.Single(curves);
        Assert.Equal(ThresholdCurve.NuclearNormLabel, curve.Label);
        Assert.Equal("r", curve.Axis);
        Assert.Equal([new(1, StatisticalDimension.Default.General(12, 16, 1)), new(2, StatisticalDimension.Default.General(12, 16, 2)), new(3, StatisticalDimension.Default.General(12, 16, 3))], curve.Points);
    }

    [Fact]
    public void The_d_axis_sets_both_sides_and_overrides_stale_d1_d2()
    {
        var curve = Assert.Single(ThresholdCurve.For("general-sensing", "d", [8, 10],
            new Dictionary<string, double> { ["r"] = 2, ["d1"] = 30, ["d2"] = 40 }));
        Assert.Equal([new(8, StatisticalDimension.Default.General(8, 8, 2)), new(10, StatisticalDimension.Default.General(10, 10, 2))], curve.Points);
    }

    [Fact]
    public void The_d1_axis_keeps_d2_from_the_fixed_d()
    {
        var curve = Assert.Single(ThresholdCurve.For("general-sensing", "d1", [6, 9], new Dictionary<string, double> { ["r"] = 6, ["d"] = 9 }));
        // At d1 = 6 = r the threshold is d1 d2 exactly, which is 54 only if d2 = 9 came from d.
        Assert.Equal([new(6, 6 * 9), new(9, StatisticalDimension.Default.General(9, 9, 6))], curve.Points);
    }

    [Fact]
    public void Symmetric_sensing_gives_the_trace_threshold_below_the_feasibility_threshold()
    {
        var curves = ThresholdCurve.For("symmetric-sensing", "r", [1, 2, 4], new Dictionary<string, double> { ["d"] = 14 });
        Assert.Equal([ThresholdCurve.TracePsdLabel, ThresholdCurve.PsdFeasibilityLabel], curves.Select(c => c.Label));
        var (trace, feasibility) = (curves[0], curves[1]);
        foreach (var (t, f) in trace.Points.Zip(feasibility.Points))
        {
            var r = (int)t.X;
            Assert.Equal(StatisticalDimension.Default.SymmetricPsd(14, r), t.M);
            Assert.Equal(r * (r + 1) / 2.0 + r * (14 - r) + (14 - r) * (15 - r) / 4.0, f.M, 12);
            Assert.True(t.M < f.M);
        }
    }

    [Theory]
    [InlineData("matrix-completion", "r")]
    [InlineData("general-sensing", "m")]
    [InlineData("symmetric-sensing", "noise")]
    public void Problems_or_axes_without_a_Gaussian_theory_give_no_curves(string problem, string axis) =>
        Assert.Empty(ThresholdCurve.For(problem, axis, [1, 2], new Dictionary<string, double> { ["d"] = 10, ["r"] = 2 }));

    [Fact]
    public void Missing_or_invalid_sizes_are_reported_by_name()
    {
        var missing = Assert.Throws<ArgumentException>(() => ThresholdCurve.For("general-sensing", "d", [10], new Dictionary<string, double>()));
        Assert.StartsWith("r:", missing.Message, StringComparison.Ordinal);
        var tooBig = Assert.Throws<ArgumentException>(() => ThresholdCurve.For("symmetric-sensing", "r", [11], new Dictionary<string, double> { ["d"] = 10 }));
        Assert.StartsWith("r = 11:", tooBig.Message, StringComparison.Ordinal);
        var fractional = Assert.Throws<ArgumentException>(() => ThresholdCurve.For("general-sensing", "r", [1.5], new Dictionary<string, double> { ["d"] = 10 }));
        Assert.StartsWith("r: 1.5", fractional.Message, StringComparison.Ordinal);
    }
}
