using Sweeps.Numerics.Convex;
using Sweeps.Numerics.LinearAlgebra;
using Sweeps.Numerics.Random;

namespace Sweeps.Numerics.Tests.Convex;

/// <summary>The Cholesky-of-the-Gram projector against Gram-Schmidt (AffineProjector): the same orthonormal W, so every operation agrees.</summary>
public sealed class GramProjectorTests
{
    [Theory]
    [InlineData(false, 9, 7, 30)]
    [InlineData(true, 9, 7, 30)]
    [InlineData(true, 8, 8, 45)]
    public void Projection_coordinates_synthesis_and_data_match_Gram_Schmidt(bool weighted, int d1, int d2, int m)
    {
        var instance = SensingInstance.Sample(d1, d2, 2, m, symmetric: false, seed: 21);
        var left = weighted ? SpdRoots.Of(instance.P, d1) : SpdRoots.Identity(d1);
        var right = weighted ? SpdRoots.Of(instance.Q, d2) : SpdRoots.Identity(d2);
        var gram = GramProjector.TryBuild(instance.Operator, instance.Data, left, right);
        Assert.NotNull(gram);
        var schmidt = AffineProjector.Build(instance.Operator, instance.Data, left, right);
        Assert.Equal(schmidt.Rank, gram.Rank);
        AssertClose(schmidt.OrthonormalData, gram.OrthonormalData);

        var stream = new TrialSeed(9).Stream(StreamPurpose.Probes);
        var n = d1 * d2;
        var v = new double[n];
        stream.FillNormal(v);
        var (a, b) = ((double[])v.Clone(), (double[])v.Clone());
        schmidt.Project(a);
        gram.Project(b);
        AssertClose(a, b);
        var x = AffineProjectorTests.Sandwich(left.InverseHalf, b, right.InverseHalf, d1, d2);
        Assert.True(TestMatrices.RelativeInfeasibility(instance.Operator, x, instance.Data) < 1e-12);

        var (mu1, mu2) = (new double[m], new double[m]);
        schmidt.Coordinates(v, mu1);
        gram.Coordinates(v, mu2);
        AssertClose(mu1, mu2);
        var (s1, s2) = (new double[n], new double[n]);
        schmidt.Synthesize(mu1, s1);
        gram.Synthesize(mu1, s2);
        AssertClose(s1, s2);
    }

    [Fact]
    public void Nearly_dependent_rows_give_up_so_that_Gram_Schmidt_drops_them()
    {
        // 20 measurements of 3 x 3 matrices: more rows than unknowns; and 9 of 9: the last pivots are small.
        var over = SensingInstance.Sample(3, 3, 1, 20, symmetric: false, seed: 3);
        Assert.Null(GramProjector.TryBuild(over.Operator, over.Data, SpdRoots.Identity(3), SpdRoots.Identity(3)));
        Assert.IsType<AffineProjector>(AffineConstraint.For(over.Operator, over.Data, SpdRoots.Identity(3), SpdRoots.Identity(3)));
        var under = SensingInstance.Sample(6, 6, 1, 12, symmetric: false, seed: 3);
        Assert.IsType<GramProjector>(AffineConstraint.For(under.Operator, under.Data, SpdRoots.Identity(6), SpdRoots.Identity(6)));
    }

    private static void AssertClose(ReadOnlySpan<double> expected, ReadOnlySpan<double> actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        var scale = 1 + Kernels.Norm(expected);
        for (var i = 0; i < expected.Length; i++)
            Assert.True(Math.Abs(expected[i] - actual[i]) < 1e-12 * scale, $"entry {i}: {expected[i]} vs {actual[i]}");
    }
}
