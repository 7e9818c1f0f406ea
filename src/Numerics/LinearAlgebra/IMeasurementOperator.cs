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
}
