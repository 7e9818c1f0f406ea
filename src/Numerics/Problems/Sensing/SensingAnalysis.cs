using MathNet.Numerics.LinearAlgebra;

namespace Sweeps.Numerics.Problems.Sensing;

/// <summary>
/// The dense decompositions behind the sensing metrics (not on hot paths; MathNet, single-threaded).
/// </summary>
internal static class SensingAnalysis
{
    /// <summary>
    /// Numerical rank rule: the number of singular values above this fraction of the largest
    /// (0 for the zero matrix). 1e-4 separates a recovered rank-r matrix (whose spurious singular
    /// values sit at the solver's accuracy) from a genuinely higher-rank one.
    /// </summary>
    public const double RankThreshold = 1e-4;

    /// <summary>Power iterations for the largest eigenvalue of A^*A / m.</summary>
    private const int PowerIterations = 30;

    /// <summary>Singular values, largest first, of a row-major rows x cols matrix.</summary>
    public static double[] SingularValues(ReadOnlySpan<double> x, int rows, int cols) =>
        Matrix<double>.Build.DenseOfRowMajor(rows, cols, x.ToArray()).Svd(computeVectors: false).S.ToArray();

    /// <summary>How many singular values exceed <see cref="RankThreshold"/> times the largest.</summary>
    public static int NumericalRank(double[] singularValues)
    {
        var largest = singularValues.Length == 0 ? 0 : singularValues.Max();
        return largest > 0 ? singularValues.Count(s => s > RankThreshold * largest) : 0;
    }

    /// <summary>W^{1/2} of a symmetric positive semidefinite row-major n x n matrix (negative round-off eigenvalues clipped to 0).</summary>
    public static Matrix<double> SquareRoot(ReadOnlySpan<double> w, int n)
    {
        var evd = Matrix<double>.Build.DenseOfRowMajor(n, n, w.ToArray()).Evd(Symmetricity.Symmetric);
        var root = Vector<double>.Build.Dense(n, i => Math.Sqrt(Math.Max(evd.EigenValues[i].Real, 0)));
        return evd.EigenVectors * Matrix<double>.Build.DiagonalOfDiagonalVector(root) * evd.EigenVectors.Transpose();
    }

    /// <summary>
    /// Estimate of lambda_max(A^*A) / m = max_X (1/m) ||A(X)||^2 / ||X||_F^2 by a fixed number of
    /// power iterations from the all-ones matrix (deterministic; a slight underestimate).
    /// </summary>
    public static double NormalizedOperatorNorm(IMeasurementOperator op)
    {
        var x = new double[op.Rows * op.Cols];
        var z = new double[x.Length];
        var y = new double[op.Count];
        Array.Fill(x, 1.0 / Math.Sqrt(x.Length));
        var lambda = 0.0;
        for (var t = 0; t < PowerIterations; t++)
        {
            op.Apply(x, y);
            Array.Clear(z);
            op.AddAdjoint(y, 1.0 / op.Count, z);
            lambda = Kernels.Dot(x, z);
            var norm = Kernels.Norm(z);
            if (norm == 0) return 0;
            for (var i = 0; i < x.Length; i++) x[i] = z[i] / norm;
        }
        return lambda;
    }

    /// <summary>||L^T L - R^T R||_F / (||L||_F^2 + ||R||_F^2) for row-major L (d1 x k) and R (d2 x k).</summary>
    public static double BalanceGap(ReadOnlySpan<double> left, ReadOnlySpan<double> right, int k)
    {
        var l = Matrix<double>.Build.DenseOfRowMajor(left.Length / k, k, left.ToArray());
        var r = Matrix<double>.Build.DenseOfRowMajor(right.Length / k, k, right.ToArray());
        var squaredNorms = Kernels.SumOfSquares(left) + Kernels.SumOfSquares(right);
        return (l.TransposeThisAndMultiply(l) - r.TransposeThisAndMultiply(r)).FrobeniusNorm() / squaredNorms;
    }

    /// <summary>
    /// Entry scale s of Gaussian factors L (d1 x k), R (d2 x k) with E ||L R^T||_F^2 = d1 d2 k s^4 = scale^2:
    /// s = sqrt(scale) / (d1 d2 k)^{1/4} (the truth has unit norm, so scale is relative to it).
    /// </summary>
    public static double FactorPairEntryScale(double scale, int d1, int d2, int k) =>
        Math.Sqrt(scale) / Math.Pow((double)d1 * d2 * k, 0.25);

    /// <summary>||X - M||_F / ||M||_F.</summary>
    public static double RelativeError(ReadOnlySpan<double> x, ReadOnlySpan<double> truth) =>
        Kernels.Distance(x, truth) / Kernels.Norm(truth);
}
