using Sweeps.Numerics.LinearAlgebra;

namespace Sweeps.Numerics.Tests.Convex;

/// <summary>A measurement map given by explicit matrices A_i (m x d1 d2, row i = vec(A_i) row-major).</summary>
internal sealed class DenseOperator(double[] matrices, int count, int rows, int cols) : IMeasurementOperator
{
    public int Count => count;

    public int Rows => rows;

    public int Cols => cols;

    /// <summary>vec(A_i), row-major.</summary>
    public ReadOnlySpan<double> Matrix(int i) => matrices.AsSpan(i * rows * cols, rows * cols);

    public void Apply(ReadOnlySpan<double> x, Span<double> y)
    {
        for (var i = 0; i < count; i++) y[i] = Kernels.Dot(Matrix(i), x);
    }

    public void AddAdjoint(ReadOnlySpan<double> y, double scale, Span<double> x)
    {
        for (var i = 0; i < count; i++) Kernels.Axpy(scale * y[i], Matrix(i), x);
    }
}
