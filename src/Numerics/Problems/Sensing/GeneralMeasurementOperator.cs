namespace Sweeps.Numerics.Problems.Sensing;

/// <summary>
/// Dense Gaussian sensing map on d1 x d2 matrices: A_i has i.i.d. N(0, 1) entries,
/// A(X)_i = &lt;A_i, X&gt;. All A_i live in one m x (d1 d2) row-major array (row i is A_i,
/// itself row-major), so Apply is m dot products and the adjoint m axpys. Allocation-free.
/// </summary>
public sealed class GeneralMeasurementOperator : IMeasurementOperator
{
    private readonly double[] _matrices;
    private readonly int _size;

    /// <summary>Draws A_1..A_m, row after row, from <paramref name="stream"/>.</summary>
    public GeneralMeasurementOperator(int count, int rows, int cols, ref RandomStream stream)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(cols, 1);
        Count = count;
        Rows = rows;
        Cols = cols;
        _size = rows * cols;
        _matrices = new double[checked(count * _size)];
        stream.FillNormal(_matrices);
    }

    public int Count { get; }

    public int Rows { get; }

    public int Cols { get; }

    /// <summary>A_i, d1 x d2 row-major.</summary>
    public ReadOnlySpan<double> Matrix(int i) => _matrices.AsSpan(i * _size, _size);

    /// <summary>The flatness weights P = (1/m) sum A_i A_i^T (d1 x d1) and Q = (1/m) sum A_i^T A_i (d2 x d2).</summary>
    public (double[] P, double[] Q) Moments()
    {
        var p = new double[Rows * Rows];
        var q = new double[Cols * Cols];
        var gram = new double[Rows * Rows];
        for (var i = 0; i < Count; i++)
        {
            var a = Matrix(i);
            DenseProducts.Gram(a, Cols, gram);
            Kernels.Axpy(1.0 / Count, gram, p);
            DenseProducts.AddTransposedProduct(1.0 / Count, a, a, Cols, q);
        }
        return (p, q);
    }

    public void CopyMeasurement(int i, Span<double> target) => Matrix(i).CopyTo(target);

    public void Apply(ReadOnlySpan<double> x, Span<double> y)
    {
        CheckShapes(x.Length, y.Length);
        for (var i = 0; i < Count; i++)
            y[i] = Kernels.Dot(Matrix(i), x);
    }

    public void AddAdjoint(ReadOnlySpan<double> y, double scale, Span<double> x)
    {
        CheckShapes(x.Length, y.Length);
        for (var i = 0; i < Count; i++)
            Kernels.Axpy(scale * y[i], Matrix(i), x);
    }

    /// <summary>One pass (<see cref="FusedMeasurementPass"/>): for each i, r_i = &lt;A_i, X&gt; - b_i, then S += r_i A_i while A_i is in cache.</summary>
    public double ResidualAndAdjoint(ReadOnlySpan<double> x, ReadOnlySpan<double> b, Span<double> residual, Span<double> adjoint)
    {
        CheckShapes(x.Length, residual.Length);
        CheckShapes(adjoint.Length, b.Length);
        FusedMeasurementPass.Run(_matrices, x, b, residual, adjoint);
        return Kernels.SumOfSquares(residual);
    }

    private void CheckShapes(int matrixLength, int measurementLength)
    {
        if (matrixLength != _size || measurementLength != Count)
            throw new ArgumentException($"Expected a {Rows} x {Cols} matrix and {Count} measurements, got lengths {matrixLength} and {measurementLength}.");
    }
}
