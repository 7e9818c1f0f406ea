using MathNet.Numerics.LinearAlgebra;

namespace Sweeps.Numerics.Tests.Convex;

/// <summary>MathNet views of row-major arrays and the reference quantities the tests compare against.</summary>
internal static class TestMatrices
{
    public static Matrix<double> Of(ReadOnlySpan<double> rowMajor, int rows, int cols) =>
        Matrix<double>.Build.DenseOfRowMajor(rows, cols, rowMajor.ToArray());

    /// <summary>W^{1/2} of a symmetric positive semidefinite W, by eigendecomposition.</summary>
    public static Matrix<double> SquareRoot(Matrix<double> w)
    {
        var evd = ((w + w.Transpose()) / 2).Evd(Symmetricity.Symmetric);
        var roots = evd.EigenValues.Map(v => System.Numerics.Complex.Sqrt(Math.Max(v.Real, 0))).Real();
        return evd.EigenVectors * Matrix<double>.Build.DiagonalOfDiagonalVector(roots) * evd.EigenVectors.Transpose();
    }

    /// <summary>||P^{1/2} X Q^{1/2}||_*.</summary>
    public static double WeightedNuclearNorm(Matrix<double> x, Matrix<double> p, Matrix<double> q) =>
        (SquareRoot(p) * x * SquareRoot(q)).Svd(computeVectors: false).S.Sum();

    /// <summary>||A(X) - b|| / ||b|| with A_i applied as explicit matrices.</summary>
    public static double RelativeInfeasibility(DenseOperator a, ReadOnlySpan<double> x, ReadOnlySpan<double> b)
    {
        var y = new double[a.Count];
        a.Apply(x, y);
        var b2 = b.ToArray();
        return Math.Sqrt(y.Zip(b2, (u, v) => (u - v) * (u - v)).Sum() / b2.Sum(v => v * v));
    }

    /// <summary>The A matrix (m x n) whose row i is vec(A_i).</summary>
    public static Matrix<double> Stacked(DenseOperator a)
    {
        var n = a.Rows * a.Cols;
        return Matrix<double>.Build.Dense(a.Count, n, (i, j) => a.Matrix(i)[j]);
    }

    /// <summary>G minus its least-squares fit by the rows of A: an element of the null space of A.</summary>
    public static Vector<double> NullSpaceElement(Matrix<double> stacked, Vector<double> g) =>
        g - stacked.Transpose() * (stacked * stacked.Transpose()).Cholesky().Solve(stacked * g);
}
