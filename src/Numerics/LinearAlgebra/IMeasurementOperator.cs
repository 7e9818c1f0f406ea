namespace Sweeps.Numerics.LinearAlgebra;

/// <summary>
/// A linear measurement map A: R^{rows x cols} -> R^m, A(X)_i = &lt;A_i, X&gt; = trace(A_i^T X).
/// Matrices are row-major spans of length rows * cols. Convex solvers see a family's
/// measurements only through this interface, so a family may apply A_i without forming it.
/// </summary>
public interface IMeasurementOperator
{
    /// <summary>m, the number of measurements.</summary>
    int Count { get; }

    int Rows { get; }

    int Cols { get; }

    /// <summary>y = A(X).</summary>
    void Apply(ReadOnlySpan<double> x, Span<double> y);

    /// <summary>X += scale * A^*(y) = scale * sum_i y_i A_i.</summary>
    void AddAdjoint(ReadOnlySpan<double> y, double scale, Span<double> x);

    /// <summary>
    /// target = A_i (row-major). The default applies A^* to the i-th unit vector, m n flops; operators that store
    /// their A_i override it with a copy.
    /// </summary>
    void CopyMeasurement(int i, Span<double> target)
    {
        var unit = new double[Count];
        unit[i] = 1;
        target.Clear();
        AddAdjoint(unit, 1, target);
    }

    /// <summary>
    /// The gradient's data pass: r = A(X) - b and S += A^*(r); returns ||r||^2. Operators that store
    /// their A_i override it to read each A_i once, while it is still in cache after its dot product
    /// (half the memory traffic of Apply then AddAdjoint; same operations in the same order).
    /// </summary>
    double ResidualAndAdjoint(ReadOnlySpan<double> x, ReadOnlySpan<double> b, Span<double> residual, Span<double> adjoint)
    {
        Apply(x, residual);
        Kernels.Axpy(-1.0, b, residual);
        AddAdjoint(residual, 1.0, adjoint);
        return Kernels.SumOfSquares(residual);
    }
}
