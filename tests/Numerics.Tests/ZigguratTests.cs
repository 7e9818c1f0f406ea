using MathNet.Numerics.Distributions;
using Sweeps.Numerics.Random;

namespace Sweeps.Numerics.Tests;

/// <summary>The tables against their defining equations, evaluated independently with the platform's exp and MathNet's normal CDF.</summary>
public sealed class ZigguratTests
{
    private const double Tolerance = 1e-14;
    private static readonly double[] X = Ziggurat.X;
    private static double V => Ziggurat.LayerArea;

    private static double F(double x) => Math.Exp(-0.5 * x * x);

    [Fact]
    public void Base_strip_has_area_v_and_starts_the_tail_at_the_published_r()
    {
        Assert.Equal(X[0], Ziggurat.TailStart);
        // Marsaglia and Tsang (2000), 256 layers: r = 3.6541528853610088, v = 0.00492867323399.
        Assert.Equal(3.6541528853610088, X[0], 1e-13);
        Assert.Equal(0.00492867323399, V, 1e-13);
        var tail = Math.Sqrt(2 * Math.PI) * Normal.CDF(0, 1, -X[0]);
        Assert.Equal(1.0, (X[0] * F(X[0]) + tail) / V, Tolerance);
    }

    /// <summary>
    /// x_(i-1) (f(x_i) - f(x_(i-1))) = v up to what rounding the edges to doubles allows: f(x) moves by x^2 f(x) times
    /// the relative error of x, and the difference is as small as f / 10 at the bottom layers, so the bound is
    /// 4 eps sum over both edges of (1 + x^2) f(x) x_(i-1) / v (up to 5e-14; the 1 covers this test's own rounding).
    /// </summary>
    [Fact]
    public void Every_layer_below_the_top_has_area_v()
    {
        const double eps = 1.0 / (1UL << 53);
        for (var i = 1; i < Ziggurat.LayerCount - 1; i++)
        {
            var area = X[i - 1] * (F(X[i]) - F(X[i - 1]));
            var bound = 4 * eps * ((1 + X[i] * X[i]) * F(X[i]) + (1 + X[i - 1] * X[i - 1]) * F(X[i - 1])) * X[i - 1] / V;
            Assert.True(Math.Abs(area / V - 1) < bound, $"layer {i}: area / v - 1 = {area / V - 1:E2}, bound {bound:E2}");
        }
    }

    /// <summary>
    /// The top layer [0, x_254] x [f(x_254), 1] closes the recursion; one ulp of R moves its area by 4.5e-13 v,
    /// so the best double R leaves up to about 2.3e-13 v; bisection lands at 2.7e-14.
    /// </summary>
    [Fact]
    public void Top_layer_has_area_v_and_ends_at_the_peak()
    {
        var top = Ziggurat.LayerCount - 1;
        Assert.Equal(0.0, X[top]);
        Assert.Equal(1.0, Ziggurat.F[top]);
        Assert.Equal(1.0, X[top - 1] * (1 - F(X[top - 1])) / V, 5e-14);
    }

    [Fact]
    public void Heights_are_the_density_at_the_edges()
    {
        for (var i = 0; i < Ziggurat.LayerCount; i++)
            Assert.Equal(1.0, Ziggurat.F[i] / F(X[i]), Tolerance);
    }

    [Fact]
    public void Fast_acceptance_covers_exactly_the_part_under_the_curve()
    {
        // j < Threshold[i] iff x = j Scale[i] < x_i, up to one rounding of x_i.
        for (var i = 0; i < Ziggurat.LayerCount; i++)
        {
            var threshold = Ziggurat.Threshold[i];
            var scale = Ziggurat.Scale[i];
            var width = i == 0 ? V / F(X[0]) : X[i - 1];
            Assert.Equal(1.0, scale * Math.Pow(2, 53) / width, Tolerance);
            if (threshold > 0)
                Assert.True((threshold - 1) * scale <= X[i] * (1 + 1e-15), $"layer {i} accepts past x_i");
            Assert.True(threshold * scale >= X[i] * (1 - 1e-15), $"layer {i} rejects before x_i");
        }
    }

    [Fact]
    public void Tail_area_agrees_with_the_normal_cdf()
    {
        foreach (var x in new[] { 2.5, 3.0, 3.4, 3.6541528853610088, 4.0, 6.0 })
            Assert.Equal(1.0, Ziggurat.TailArea(x) / (Math.Sqrt(2 * Math.PI) * Normal.CDF(0, 1, -x)), Tolerance);
    }
}
