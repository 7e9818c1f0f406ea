using MathNet.Numerics.LinearAlgebra;
using Sweeps.Numerics.Random;
using Sweeps.Numerics.Theory;

namespace Sweeps.Numerics.Tests.Theory;

/// <summary>
/// The exact statistical dimension delta = E dist^2(G, cone df) against its upper bound, and each draw's
/// cone distance against a projection onto the descent cone itself (Moreau: ||G||^2 = ||P_C G||^2 + ||P_polar G||^2).
/// </summary>
public sealed class ExactStatisticalDimensionTests
{
    private static readonly StatisticalDimension Theory = StatisticalDimension.Default;

    [Theory]
    [InlineData(9, 1)]
    [InlineData(11, 3)]
    public void Each_draws_polar_distance_equals_the_squared_projection_onto_the_PSD_descent_cone(int d, int r)
    {
        // Truth = diag(1_r, 0): the descent cone of trace + PSD is C = { H : H22 psd, tr H <= 0 }. Project G onto C
        // by its multiplier mu of tr H <= 0 (H11 = G11 - mu I, H12 = G12, H22 = P_psd(G22 - mu I); tr H falls in mu),
        // found by bisection: a different computation from the polar side's closed-form tau.
        var stream = new TrialSeed(77).Stream(StreamPurpose.Algorithm);
        for (var draw = 0; draw < 40; draw++)
        {
            var g = SymmetricGaussian(d, stream);
            var g11 = g.SubMatrix(0, r, 0, r);
            var g22 = g.SubMatrix(r, d - r, r, d - r);
            var lambda = g22.Evd(Symmetricity.Symmetric).EigenValues.Select(e => e.Real).ToArray();
            double TraceOfProjection(double mu) => g11.Trace() - r * mu + lambda.Sum(l => Math.Max(l - mu, 0));
            double mu = 0;
            if (TraceOfProjection(0) > 0)
            {
                double lo = 0, hi = 1;
                while (TraceOfProjection(hi) > 0) hi *= 2;
                for (var i = 0; i < 200; i++) { mu = (lo + hi) / 2; if (TraceOfProjection(mu) > 0) lo = mu; else hi = mu; }
            }
            var offBlock = g.SubMatrix(0, r, r, d - r);
            var projection = Square(g11 - mu * Matrix<double>.Build.DenseIdentity(r)) + 2 * Square(offBlock)
                + lambda.Sum(l => Math.Pow(Math.Max(l - mu, 0), 2));

            var descending = lambda.OrderByDescending(l => l).ToArray();
            var polar = Square(g11) + 2 * Square(offBlock) + SpectrumDraws.Minimize(descending, r, g11.Trace()).Value;
            Assert.Equal(projection, polar, 1e-9 * (1 + projection));
        }
    }

    [Fact]
    public void The_per_draw_minimizer_matches_a_fine_grid_search_and_is_never_negative()
    {
        var stream = new TrialSeed(12).Stream(StreamPurpose.Algorithm);
        for (var draw = 0; draw < 20; draw++)
        {
            var values = new double[15];
            stream.FillNormal(values, 2);
            var descending = values.OrderByDescending(v => v).ToArray();
            var trace = 3 * stream.NextNormal();
            double Phi(double t) => 2 * t * t - 2 * t * trace + descending.Where(v => v > t).Sum(v => (v - t) * (v - t));
            var (tau, value) = SpectrumDraws.Minimize(descending, 2, trace);
            var best = Enumerable.Range(0, 40001).Select(i => i * 5e-4).MinBy(Phi);
            Assert.True(tau >= 0);
            Assert.Equal(best, tau, 1e-3);
            Assert.Equal(Phi(tau), value, 10);
        }
    }

    [Theory]
    [InlineData(14, 1)]
    [InlineData(14, 3)]
    [InlineData(22, 1)]
    public void Exact_lies_below_the_bound_by_at_most_the_ALMT_gap(int d, int r)
    {
        // ALMT Thm. 4.3: 0 <= bound - delta <= 2 sup ||s||_F / f(X / ||X||_F); for a rank-r truth with equal
        // singular values (the cone depends only on the subspaces) sup ||s||_F = sqrt(d), f(X / ||X||_F) = sqrt(r).
        var gap = 2 * Math.Sqrt(d) / Math.Sqrt(r);
        foreach (var (exact, bound) in new[] { (Theory.General(d, d, r), Theory.GeneralBound(d, d, r)), (Theory.SymmetricPsd(d, r), Theory.SymmetricPsdBound(d, r)) })
        {
            Assert.InRange(bound - exact, 0.05, gap);
            Assert.InRange(exact, r * (r + 1) / 2.0 + r * (d - r), d * d);
        }
    }

    private static double Square(Matrix<double> m) => m.FrobeniusNorm() * m.FrobeniusNorm();

    private static Matrix<double> SymmetricGaussian(int d, RandomStream stream)
    {
        var g = Matrix<double>.Build.Dense(d, d);
        for (var c = 0; c < d; c++)
        {
            g[c, c] = stream.NextNormal();
            for (var row = 0; row < c; row++)
                g[row, c] = g[c, row] = Math.Sqrt(0.5) * stream.NextNormal();
        }
        return g;
    }
}
