using MathNet.Numerics.LinearAlgebra;
using Sweeps.Numerics.LinearAlgebra;
using Sweeps.Numerics.Random;
using Sweeps.Numerics.Tests.Convex;

namespace Sweeps.Numerics.Tests.Problems;

/// <summary>
/// Reference checks of a family's measurement map against explicit matrices A_i that the test builds itself
/// (from the stored vectors or entries), and of a convex solution's optimality over the affine set.
/// </summary>
internal static class ExplicitMaps
{
    /// <summary>The map given by explicit matrices A_i = <paramref name="matrix"/>(i), i &lt; m.</summary>
    public static DenseOperator Build(int m, int rows, int cols, Func<int, Matrix<double>> matrix)
    {
        var n = rows * cols;
        var matrices = new double[m * n];
        for (var i = 0; i < m; i++) matrix(i).ToRowMajorArray().CopyTo(matrices, i * n);
        return new DenseOperator(matrices, m, rows, cols);
    }

    /// <summary>Apply and AddAdjoint (with a scale, adding) agree with the explicit map on random inputs.</summary>
    public static void AssertSameMap(IMeasurementOperator map, DenseOperator reference)
    {
        var stream = new TrialSeed(99).Stream(StreamPurpose.Probes);
        var x = new double[map.Rows * map.Cols];
        var y = new double[map.Count];
        stream.FillNormal(x);
        stream.FillNormal(y);

        var applied = new double[map.Count];
        var expected = new double[map.Count];
        map.Apply(x, applied);
        reference.Apply(x, expected);
        Assert.True(Kernels.Distance(applied, expected) <= 1e-12 * Kernels.Norm(expected));

        var adjoint = (double[])x.Clone();
        var expectedAdjoint = (double[])x.Clone();
        map.AddAdjoint(y, 0.5, adjoint);
        reference.AddAdjoint(y, 0.5, expectedAdjoint);
        Assert.True(Kernels.Distance(adjoint, expectedAdjoint) <= 1e-12 * Kernels.Norm(expectedAdjoint));
    }

    /// <summary>P = (1/m) sum A_i A_i^T and Q = (1/m) sum A_i^T A_i of explicit matrices.</summary>
    public static (Matrix<double> P, Matrix<double> Q) Moments(DenseOperator map)
    {
        var p = Matrix<double>.Build.Dense(map.Rows, map.Rows);
        var q = Matrix<double>.Build.Dense(map.Cols, map.Cols);
        for (var i = 0; i < map.Count; i++)
        {
            var a = TestMatrices.Of(map.Matrix(i), map.Rows, map.Cols);
            p += a * a.Transpose() / map.Count;
            q += a.Transpose() * a / map.Count;
        }
        return (p, q);
    }

    /// <summary>
    /// X is feasible (relative residual below 1e-8) and no feasible point truth + t Z (Z a random element of the
    /// null space of the explicit map, several sizes t) has a smaller ||P^{1/2} . Q^{1/2}||_*; nor has the truth.
    /// Returns the weighted norm of X.
    /// </summary>
    public static double AssertOptimal(DenseOperator map, ReadOnlySpan<double> data, Matrix<double> x, Matrix<double> truth, Matrix<double> p, Matrix<double> q)
    {
        Assert.True(TestMatrices.RelativeInfeasibility(map, x.ToRowMajorArray(), data) < 1e-8);
        var norm = TestMatrices.WeightedNuclearNorm(x, p, q);
        Assert.True(norm <= TestMatrices.WeightedNuclearNorm(truth, p, q) * (1 + 1e-8));
        var stacked = TestMatrices.Stacked(map);
        var stream = new TrialSeed(8).Stream(StreamPurpose.Probes);
        foreach (var size in new[] { 1e-3, 1e-1, 1.0 })
        {
            var g = Vector<double>.Build.Dense(map.Rows * map.Cols, _ => stream.NextNormal());
            var direction = TestMatrices.NullSpaceElement(stacked, g);
            var other = truth + size / direction.L2Norm() * Matrix<double>.Build.DenseOfRowMajor(map.Rows, map.Cols, direction.ToArray());
            Assert.True(norm <= TestMatrices.WeightedNuclearNorm(other, p, q) * (1 + 1e-8));
        }
        return norm;
    }
}
