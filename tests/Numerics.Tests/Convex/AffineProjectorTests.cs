using MathNet.Numerics.LinearAlgebra;
using Sweeps.Numerics.Convex;
using Sweeps.Numerics.Random;

namespace Sweeps.Numerics.Tests.Convex;

public sealed class AffineProjectorTests
{
    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Projection_is_feasible_and_the_correction_is_orthogonal_to_the_null_space(bool weighted)
    {
        var instance = SensingInstance.Sample(6, 5, 2, 17, symmetric: false, seed: 11);
        var left = weighted ? SpdRoots.Of(instance.P, 6) : SpdRoots.Identity(6);
        var right = weighted ? SpdRoots.Of(instance.Q, 5) : SpdRoots.Identity(5);
        var projector = AffineProjector.Build(instance.Operator, instance.Data, left, right);
        Assert.Equal(17, projector.Rank);

        var stream = new TrialSeed(5).Stream(StreamPurpose.Probes);
        var v = new double[30];
        stream.FillNormal(v);
        var projected = (double[])v.Clone();
        projector.Project(projected);

        // Feasible: A(P^{-1/2} Y Q^{-1/2}) = b, evaluated with the explicit A_i.
        var x = Sandwich(left.InverseHalf, projected, right.InverseHalf, 6, 5);
        Assert.True(TestMatrices.RelativeInfeasibility(instance.Operator, x, instance.Data) < 1e-12);

        // Nearest point: v - Proj(v) is orthogonal to every Y with Ã(Y) = 0, i.e. Y = P^{1/2} N Q^{1/2}, A(N) = 0.
        var stacked = TestMatrices.Stacked(instance.Operator);
        var correction = Vector<double>.Build.DenseOfEnumerable(v.Zip(projected, (a, b) => a - b));
        for (var probe = 0; probe < 3; probe++)
        {
            var g = Vector<double>.Build.Dense(30, _ => stream.NextNormal());
            var nullElement = TestMatrices.NullSpaceElement(stacked, g).ToArray();
            var direction = Vector<double>.Build.DenseOfArray(Sandwich(left.Half, nullElement, right.Half, 6, 5));
            Assert.True(Math.Abs(correction * direction) < 1e-10 * correction.L2Norm() * direction.L2Norm());
        }
    }

    [Fact]
    public void Dependent_measurements_are_dropped_and_inconsistent_data_reported()
    {
        // 20 measurements of 3 x 3 matrices: 11 depend on the first 9.
        var instance = SensingInstance.Sample(3, 3, 1, 20, symmetric: false, seed: 3);
        var projector = AffineProjector.Build(instance.Operator, instance.Data, SpdRoots.Identity(3), SpdRoots.Identity(3));
        Assert.Equal(9, projector.Rank);
        Assert.Equal(11, projector.Dropped);
        Assert.True(projector.Inconsistency < 1e-10);
        var y = new double[9];
        projector.Project(y);
        Assert.True(TestMatrices.RelativeInfeasibility(instance.Operator, y, instance.Data) < 1e-10);

        var perturbed = (double[])instance.Data.Clone();
        perturbed[15] += 0.1;
        var inconsistent = AffineProjector.Build(instance.Operator, perturbed, SpdRoots.Identity(3), SpdRoots.Identity(3));
        Assert.True(inconsistent.Inconsistency > 1e-3);
    }

    internal static double[] Sandwich(double[] left, double[] x, double[] right, int d1, int d2) =>
        (TestMatrices.Of(left, d1, d1) * TestMatrices.Of(x, d1, d2) * TestMatrices.Of(right, d2, d2)).ToRowMajorArray();
}
