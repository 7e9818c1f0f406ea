using MathNet.Numerics.LinearAlgebra;
using Sweeps.Numerics.Convex;
using Sweeps.Numerics.Random;

namespace Sweeps.Numerics.Tests.Convex;

/// <summary>The flat factors reproduce X and attain the minimal Hessian trace over its factorizations.</summary>
public sealed class FlatFactorsTests
{
    private const int D1 = 6, D2 = 5, Rank = 3, Width = 4;

    [Fact]
    public void General_factors_reproduce_x_and_attain_four_times_the_weighted_nuclear_norm()
    {
        var stream = new TrialSeed(31).Stream(StreamPurpose.Probes);
        var p = RandomSpd(D1, ref stream);
        var q = RandomSpd(D2, ref stream);
        var y = RandomLowRank(D1, D2, ref stream);
        var factors = FlatFactors.From(Decompose(y), SpdRoots.Of(p.ToRowMajorArray(), D1), SpdRoots.Of(q.ToRowMajorArray(), D2), Width);
        Assert.Equal(Rank, factors.Rank);
        Assert.Null(factors.Note);

        var x = TestMatrices.SquareRoot(p).Inverse() * y * TestMatrices.SquareRoot(q).Inverse();
        var l = TestMatrices.Of(factors.Left, D1, Width);
        var r = TestMatrices.Of(factors.Right, D2, Width);
        Assert.True((l * r.Transpose() - x).FrobeniusNorm() < 1e-10 * x.FrobeniusNorm());

        var flat = Value(l, r, p, q);
        var minimal = 4 * TestMatrices.WeightedNuclearNorm(x, p, q);
        Assert.Equal(minimal, flat, 1e-10 * minimal);

        // Any other factorization (L T, R T^{-T}) of the same X has a larger value.
        var t = Matrix<double>.Build.DenseIdentity(Width) + 0.5 * Matrix<double>.Build.Dense(Width, Width, (_, _) => stream.NextNormal());
        var (l2, r2) = (l * t, r * t.Inverse().Transpose());
        Assert.True((l2 * r2.Transpose() - x).FrobeniusNorm() < 1e-9 * x.FrobeniusNorm());
        Assert.True(Value(l2, r2, p, q) > flat * (1 + 1e-6));
    }

    [Fact]
    public void Symmetric_factor_reproduces_x_and_attains_eight_times_the_weighted_trace()
    {
        var stream = new TrialSeed(32).Stream(StreamPurpose.Probes);
        var d2 = RandomSpd(D1, ref stream);
        var z = Matrix<double>.Build.Dense(D1, Rank, (_, _) => stream.NextNormal());
        var y = z * z.Transpose();
        var roots = SpdRoots.Of(d2.ToRowMajorArray(), D1);
        var psd = Decompose(y);
        var factors = FlatFactors.From(psd with { Right = psd.Left }, roots, roots, Width);

        var dInverse = TestMatrices.SquareRoot(d2).Inverse();
        var x = dInverse * y * dInverse;
        var u = TestMatrices.Of(factors.Left, D1, Width);
        Assert.True((u * u.Transpose() - x).FrobeniusNorm() < 1e-10 * x.FrobeniusNorm());
        var flat = 8 * (d2 * u * u.Transpose()).Trace();
        var minimal = 8 * (TestMatrices.SquareRoot(d2) * x * TestMatrices.SquareRoot(d2)).Trace();
        Assert.Equal(minimal, flat, 1e-10 * minimal);
    }

    [Fact]
    public void Rank_above_width_keeps_the_top_terms_and_says_so()
    {
        var stream = new TrialSeed(33).Stream(StreamPurpose.Probes);
        var y = RandomLowRank(D1, D2, ref stream);
        var factors = FlatFactors.From(Decompose(y), SpdRoots.Identity(D1), SpdRoots.Identity(D2), width: 2);
        Assert.Equal(Rank, factors.Rank);
        Assert.Contains("rank 3 > k = 2", factors.Note, StringComparison.Ordinal);

        // Eckart-Young: the best rank-2 approximation, from an independent SVD.
        var svd = y.Svd(computeVectors: true);
        var best = svd.U.SubMatrix(0, D1, 0, 2) * Matrix<double>.Build.DiagonalOfDiagonalArray(svd.S.Take(2).ToArray()) * svd.VT.SubMatrix(0, 2, 0, D2);
        var product = TestMatrices.Of(factors.Left, D1, 2) * TestMatrices.Of(factors.Right, D2, 2).Transpose();
        Assert.True((product - best).FrobeniusNorm() < 1e-10 * best.FrobeniusNorm());
    }

    /// <summary>2&lt;P, L L^T&gt; + 2&lt;Q, R R^T&gt;, the Hessian trace of general sensing at zero loss.</summary>
    private static double Value(Matrix<double> l, Matrix<double> r, Matrix<double> p, Matrix<double> q) =>
        2 * (p * l * l.Transpose()).Trace() + 2 * (q * r * r.Transpose()).Trace();

    private static Matrix<double> RandomSpd(int n, ref RandomStream stream)
    {
        var local = stream;
        var b = Matrix<double>.Build.Dense(n, n, (_, _) => local.NextNormal());
        stream = local;
        return b * b.Transpose() / n + 0.2 * Matrix<double>.Build.DenseIdentity(n);
    }

    private static Matrix<double> RandomLowRank(int rows, int cols, ref RandomStream stream)
    {
        var local = stream;
        var left = Matrix<double>.Build.Dense(rows, Rank, (_, _) => local.NextNormal());
        var right = Matrix<double>.Build.Dense(cols, Rank, (_, _) => local.NextNormal());
        stream = local;
        return left * right.Transpose();
    }

    /// <summary>The thin SVD of Y as a <see cref="LowRankMatrix"/> (numerically zero terms dropped).</summary>
    private static LowRankMatrix Decompose(Matrix<double> y)
    {
        var svd = y.Svd(computeVectors: true);
        var rank = svd.S.Count(s => s > 1e-12 * svd.S[0]);
        return new LowRankMatrix(y.RowCount, y.ColumnCount,
            svd.U.SubMatrix(0, y.RowCount, 0, rank).ToRowMajorArray(),
            svd.S.Take(rank).ToArray(),
            svd.VT.SubMatrix(0, rank, 0, y.ColumnCount).Transpose().ToRowMajorArray());
    }
}
