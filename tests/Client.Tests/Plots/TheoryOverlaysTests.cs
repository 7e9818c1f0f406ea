using Sweeps.Client.Plots;
using Sweeps.Client.Specs;
using Sweeps.Numerics.Theory;

namespace Sweeps.Client.Tests.Plots;

/// <summary>Issue #13: a theory curve is drawn only where the theory speaks (noiseless), and deep factorization gets its own.</summary>
public sealed class TheoryOverlaysTests
{
    private static IReadOnlyList<OverlayCurve> Overlays(string yaml)
    {
        var spec = SpecLoader.Load(yaml);
        return TheoryOverlays.For(spec, spec.Plots[0]);
    }

    [Fact]
    public void General_sensing_over_d_gets_the_statistical_dimension_at_each_d()
    {
        var curve = Assert.Single(Overlays("problem: general-sensing\nfixed: {r: 2}\naxes: {d: [10, 12], m: [40, 60]}\nmethods: [nuclear]\nplots: [{x: d, y: m}]\n"));
        Assert.Equal([10.0, 12.0], curve.Points.Select(p => p.X));
        Assert.Equal(StatisticalDimension.Default.General(12, 12, 2), curve.Points[1].Y, 12);
    }

    [Theory]
    [InlineData("fixed: {r: 2, noise_relative: 0.1}\naxes: {d: [10, 12], m: [40, 60]}\nmethods: [nuclear]\nplots: [{x: d, y: m}]\n")]
    [InlineData("fixed: {d: 10}\naxes: {r: [1, 2], noise: [0, 0.05], m: [40, 60]}\nmethods: [nuclear]\nplots: [{x: m, y: r, facet: noise}]\n")]
    [InlineData("fixed: {r: 2}\naxes: {d: [10, 12], m: [40, 60], noise: [0, 0.05]}\nmethods: [nuclear]\nplots: [{x: d, y: m, facet: noise}]\n")]
    public void A_noisy_sweep_gets_no_noiseless_theory_curve(string body)
        => Assert.Empty(Overlays("problem: general-sensing\n" + body));

    [Fact]
    public void Deep_factorization_over_depth_gets_the_products_nuclear_norm_threshold_at_every_depth()
    {
        var curve = Assert.Single(Overlays(
            "problem: deep-factorization\nfixed: {d: 10, r: 2}\naxes: {depth: [2, 3, 4], m: [40, 60, 80]}\nmethods: [flat-convex]\nplots: [{x: m, y: depth}]\n"));
        Assert.Equal(ThresholdCurve.NuclearNormLabel, curve.Label);
        Assert.Equal([2.0, 3.0, 4.0], curve.Points.Select(p => p.Y));
        Assert.All(curve.Points, p => Assert.Equal(StatisticalDimension.Default.General(10, 10, 2), p.X, 12));
    }
}
