using Sweeps.Numerics.LinearAlgebra;

namespace Sweeps.Numerics.Problems.Sensing;

/// <summary>
/// The data term of a sensing loss, f = (1/m) ||A(X) - b||^2, with its scratch buffers:
/// write X into <see cref="Model"/>, call <see cref="Evaluate"/> (residuals r = A(X) - b), then
/// <see cref="Adjoint"/> gives S = sum_i r_i A_i, so that grad_X f = (2/m) S. Allocation-free.
/// </summary>
internal sealed class LeastSquaresFit(IMeasurementOperator measurements, double[] data)
{
    private readonly double[] _model = new double[measurements.Rows * measurements.Cols];
    private readonly double[] _residual = new double[measurements.Count];
    private readonly double[] _adjoint = new double[measurements.Rows * measurements.Cols];

    /// <summary>m.</summary>
    public int Count => measurements.Count;

    /// <summary>The model X (rows x cols, row-major) to evaluate; callers overwrite it.</summary>
    public Span<double> Model => _model;

    /// <summary>r = A(X) - b after <see cref="Evaluate"/>.</summary>
    public ReadOnlySpan<double> Residual => _residual;

    /// <summary>Fills the residuals of <see cref="Model"/> and returns f = ||r||^2 / m.</summary>
    public double Evaluate()
    {
        measurements.Apply(_model, _residual);
        Kernels.Axpy(-1.0, data, _residual);
        return Kernels.SumOfSquares(_residual) / Count;
    }

    /// <summary>S = A^*(r) = sum_i r_i A_i (rows x cols) for the residuals of the last <see cref="Evaluate"/>.</summary>
    public ReadOnlySpan<double> Adjoint()
    {
        Array.Clear(_adjoint);
        measurements.AddAdjoint(_residual, 1.0, _adjoint);
        return _adjoint;
    }
}
