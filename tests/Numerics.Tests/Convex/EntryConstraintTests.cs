using Sweeps.Numerics.Convex;
using Sweeps.Numerics.Problems.Completion;
using Sweeps.Numerics.Problems.Sensing;
using Sweeps.Numerics.Random;
using Sweeps.Numerics.Trials;
using static Sweeps.Numerics.Tests.Problems.Sensing.SensingInstances;

namespace Sweeps.Numerics.Tests.Convex;

/// <summary>Matrix completion's entry-reset constraint against the dense Gram-Schmidt projector of the same program.</summary>
public sealed class EntryConstraintTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Entry_resets_agree_with_the_dense_projector(bool weighted)
    {
        var parameters = Parameters(MatrixCompletionFamily.FamilyName, 7, 6, 2, 2, null, 0, 4) with { P = 0.5 };
        var problem = (GeneralSensingProblem)new MatrixCompletionFamily().Sample(parameters, new TrialSeed(parameters.Seed));
        var left = weighted ? SpdRoots.Of(problem.LeftWeight, 7) : SpdRoots.Identity(7);
        var right = weighted ? SpdRoots.Of(problem.RightWeight, 6) : SpdRoots.Identity(6);
        Assert.True(left.IsDiagonal && right.IsDiagonal);

        var entries = AffineConstraint.For(problem.Measurements, problem.Data, left, right);
        var dense = AffineProjector.Build(problem.Measurements, problem.Data, left, right);
        Assert.IsNotType<AffineProjector>(entries);
        Assert.Equal(dense.Rank, entries.Rank);
        Assert.Equal(0, dense.Dropped);
        Assert.Equal(dense.OrthonormalData.ToArray(), entries.OrthonormalData.ToArray(), Tolerance(dense.OrthonormalData));

        var stream = new TrialSeed(9).Stream(StreamPurpose.Probes);
        var v = new double[42];
        stream.FillNormal(v);
        var (a, b) = ((double[])v.Clone(), (double[])v.Clone());
        entries.Project(a);
        dense.Project(b);
        Assert.Equal(b, a, Tolerance(b));

        var (mu, nu) = (new double[entries.Rank], new double[dense.Rank]);
        entries.Coordinates(v, mu);
        dense.Coordinates(v, nu);
        Assert.Equal(nu, mu, Tolerance(nu));

        var (x, y) = (new double[42], new double[42]);
        entries.Synthesize(mu, x);
        dense.Synthesize(mu, y);
        Assert.Equal(y, x, Tolerance(y));
    }

    [Fact]
    public void A_dense_weight_keeps_the_dense_projector()
    {
        var instance = SensingInstance.Sample(4, 3, 1, 8, symmetric: false, seed: 2);
        var constraint = AffineConstraint.For(instance.Operator, instance.Data, SpdRoots.Of(instance.P, 4), SpdRoots.Of(instance.Q, 3));
        Assert.IsType<GramProjector>(constraint); // not entry resets: the dense projector, here from the Gram matrix
    }

    private static EqualityTolerance Tolerance(ReadOnlySpan<double> values) => new(1e-12 * Math.Max(1, values.ToArray().Max(Math.Abs)));

    private sealed class EqualityTolerance(double tolerance) : IEqualityComparer<double>
    {
        public bool Equals(double x, double y) => Math.Abs(x - y) <= tolerance;

        public int GetHashCode(double obj) => 0;
    }
}
