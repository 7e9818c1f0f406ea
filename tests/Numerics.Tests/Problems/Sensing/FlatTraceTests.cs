using MathNet.Numerics.LinearAlgebra;
using Sweeps.Numerics.Problems;
using Sweeps.Numerics.Problems.Sensing;
using static Sweeps.Numerics.Tests.Problems.Sensing.SensingInstances;

namespace Sweeps.Numerics.Tests.Problems.Sensing;

/// <summary>Hessian traces on the zero-loss set: the penalty, the flat factorization and unbalanced ones.</summary>
public sealed class FlatTraceTests
{
    private static Matrix<double> RowMajor(ReadOnlySpan<double> x, int rows, int cols) =>
        Matrix<double>.Build.DenseOfRowMajor(rows, cols, x.ToArray());

    private static double[] ToRowMajor(Matrix<double> m) => m.ToRowMajorArray();

    /// <summary>First r columns of <paramref name="m"/>, zero-padded to k columns.</summary>
    private static Matrix<double> Pad(Matrix<double> m, int r, int k)
    {
        var padded = Matrix<double>.Build.Dense(m.RowCount, k);
        padded.SetSubMatrix(0, 0, m.SubMatrix(0, m.RowCount, 0, r));
        return padded;
    }

    private static double[] Pack(IMatrixSensingProblem problem, Matrix<double> left, Matrix<double>? right)
    {
        var theta = new double[problem.ParameterCount];
        problem.PackFactors(ToRowMajor(left), right is null ? [] : ToRowMajor(right), theta);
        return theta;
    }

    /// <summary>A well-conditioned random k x k matrix T = I + G / (2 sqrt k).</summary>
    private static Matrix<double> Mixing(int k, int seed) =>
        Matrix<double>.Build.DenseIdentity(k) + Matrix<double>.Build.Random(k, k, seed) / (2 * Math.Sqrt(k));

    [Fact]
    public void General_zero_loss_point_has_penalty_equal_to_the_finite_difference_trace()
    {
        const int d1 = 5, d2 = 4, r = 2, k = 3;
        var problem = General(d1, d2, r, k, m: 12, seed: 3);
        var svd = RowMajor(problem.Truth, d1, d2).Svd();
        var root = Matrix<double>.Build.DiagonalOfDiagonalVector(svd.S.PointwiseSqrt());
        var left = Pad(svd.U.SubMatrix(0, d1, 0, d2) * root, r, k);
        var right = Pad(svd.VT.Transpose() * root, r, k);
        var theta = Pack(problem, left * Mixing(k, 1), right * Mixing(k, 1).Transpose().Inverse());

        Assert.True(problem.Loss(theta) < 1e-28);
        var penalty = problem.AddFlatPenalty(theta, 0, new double[theta.Length]);
        Assert.True(RelativeDifference(penalty, Trace(FiniteDifferenceHessian(problem, theta))) < 1e-5);
    }

    [Fact]
    public void Symmetric_zero_loss_point_has_penalty_equal_to_the_finite_difference_trace()
    {
        const int d = 6, r = 2, k = 4;
        var problem = Symmetric(d, r, k, m: 12, seed: 3);
        var theta = Pack(problem, TruthFactor(problem, d, r, k), null);

        Assert.True(problem.Loss(theta) < 1e-28);
        var penalty = problem.AddFlatPenalty(theta, 0, new double[theta.Length]);
        Assert.True(RelativeDifference(penalty, Trace(FiniteDifferenceHessian(problem, theta))) < 1e-5);
        Assert.True(RelativeDifference(problem.HessianTrace(theta), penalty) < 1e-12);
    }

    [Fact]
    public void General_flat_factorization_attains_the_flat_trace_and_unbalanced_ones_exceed_it()
    {
        const int d1 = 8, d2 = 6, r = 2, k = 4;
        var problem = General(d1, d2, r, k, m: 30, seed: 4);
        var truth = RowMajor(problem.Truth, d1, d2);
        var p = RowMajor(problem.LeftWeight, d1, d1);
        var q = RowMajor(problem.RightWeight, d2, d2);
        var (pRoot, pRootInverse) = RootAndInverse(p);
        var (qRoot, qRootInverse) = RootAndInverse(q);

        // docs/SCIENCE.md 2.1: P^{1/2} M Q^{1/2} = U S V^T, L = P^{-1/2} U S^{1/2}, R = Q^{-1/2} V S^{1/2}.
        var svd = (pRoot * truth * qRoot).Svd();
        var root = Matrix<double>.Build.DiagonalOfDiagonalVector(svd.S.PointwiseSqrt());
        var left = Pad(pRootInverse * svd.U.SubMatrix(0, d1, 0, d2) * root, r, k);
        var right = Pad(qRootInverse * svd.VT.Transpose() * root, r, k);
        var flat = Pack(problem, left, right);
        Assert.True(problem.Loss(flat) < 1e-26);
        Assert.True(RelativeDifference(problem.HessianTrace(flat), problem.FlatTraceAtTruth) < 1e-10);

        for (var seed = 1; seed <= 5; seed++)
        {
            var t = Mixing(k, seed);
            var unbalanced = Pack(problem, left * t, right * t.Transpose().Inverse());
            Assert.True(problem.Loss(unbalanced) < 1e-26);
            Assert.True(problem.HessianTrace(unbalanced) > problem.FlatTraceAtTruth * (1 + 1e-6));
        }
    }

    [Fact]
    public void Symmetric_flat_trace_is_the_trace_at_every_factorization_of_the_truth()
    {
        const int d = 7, r = 2, k = 5;
        var problem = Symmetric(d, r, k, m: 20, seed: 4);
        var factor = TruthFactor(problem, d, r, k);
        var rotation = Matrix<double>.Build.Random(k, k, 9).QR().Q;
        foreach (var u in new[] { factor, factor * rotation })
        {
            var theta = Pack(problem, u, null);
            Assert.True(problem.Loss(theta) < 1e-28);
            Assert.True(RelativeDifference(problem.HessianTrace(theta), problem.FlatTraceAtTruth) < 1e-12);
        }
    }

    /// <summary>U = V_r Lambda_r^{1/2} padded to width k, from the eigendecomposition of the PSD truth.</summary>
    private static Matrix<double> TruthFactor(SymmetricSensingProblem problem, int d, int r, int k)
    {
        var truth = RowMajor(problem.Truth, d, d);
        var evd = truth.Evd(Symmetricity.Symmetric);
        var order = Enumerable.Range(0, d).OrderByDescending(i => evd.EigenValues[i].Real).Take(r).ToArray();
        var factor = Matrix<double>.Build.Dense(d, k);
        for (var c = 0; c < r; c++)
            factor.SetColumn(c, evd.EigenVectors.Column(order[c]) * Math.Sqrt(evd.EigenValues[order[c]].Real));
        return factor;
    }

    private static (Matrix<double> Root, Matrix<double> RootInverse) RootAndInverse(Matrix<double> spd)
    {
        var evd = spd.Evd(Symmetricity.Symmetric);
        var roots = evd.EigenValues.Map(v => Math.Sqrt(v.Real));
        var v = evd.EigenVectors;
        return (v * Matrix<double>.Build.DiagonalOfDiagonalVector(roots) * v.Transpose(),
                v * Matrix<double>.Build.DiagonalOfDiagonalVector(roots.Map(x => 1 / x)) * v.Transpose());
    }
}
