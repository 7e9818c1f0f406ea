namespace Sweeps.Numerics.Problems.Sensing;

/// <summary>
/// The data term of a sensing loss, f = (1/m) ||A(X) - b||^2, with its scratch buffers:
/// write X into <see cref="Model"/>, then call <see cref="Evaluate"/> (residuals r = A(X) - b) for
/// the loss, or <see cref="EvaluateWithAdjoint"/>, which also leaves S = sum_i r_i A_i in
/// <see cref="Adjoint"/> (grad_X f = (2/m) S) in one pass over the operator. Allocation-free.
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

    /// <summary>Like <see cref="Evaluate"/>, and also S = A^*(r) into <see cref="Adjoint"/>.</summary>
    public double EvaluateWithAdjoint()
    {
        Array.Clear(_adjoint);
        return measurements.ResidualAndAdjoint(_model, data, _residual, _adjoint) / Count;
    }

    /// <summary>S = A^*(r) = sum_i r_i A_i (rows x cols) as of the last <see cref="EvaluateWithAdjoint"/>.</summary>
    public ReadOnlySpan<double> Adjoint => _adjoint;
}
