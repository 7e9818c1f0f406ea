namespace Sweeps.Numerics.Problems.Sensing;

/// <summary>
/// Rank-one sensing map on d1 x d2 matrices (docs/SCIENCE.md 2.3): A_i = a_i c_i^T with a_i ~ N(0, I_{d1}),
/// c_i ~ N(0, I_{d2}), kept as the vectors only (m (d1 + d2) numbers, never the d1 x d2 matrices):
/// A(X)_i = a_i^T X c_i and A^*(y) = sum_i y_i a_i c_i^T. <see cref="Quadratic"/> builds the
/// symmetric case a_i = c_i = x_i of the quadratic network (docs/SCIENCE.md 2.6). Allocation-free; Apply
/// uses a scratch vector owned by the instance (one thread at a time).
/// </summary>
public sealed class BilinearMeasurementOperator : IMeasurementOperator
{
    private readonly double[] _left;
    private readonly double[] _right;
    private readonly double[] _scratch;

    /// <summary>Draws a_1, c_1, a_2, c_2, ... in that order from <paramref name="stream"/>.</summary>
    public BilinearMeasurementOperator(int count, int rows, int cols, ref RandomStream stream)
        : this(count, rows, cols, DrawPairs(count, rows, cols, ref stream))
    {
    }

    private BilinearMeasurementOperator(int count, int rows, int cols, (double[] Left, double[] Right) vectors)
    {
        Count = count;
        Rows = rows;
        Cols = cols;
        _left = vectors.Left;
        _right = vectors.Right;
        _scratch = new double[cols];
    }

    /// <summary>A_i = x_i x_i^T on d x d matrices, x_1..x_m ~ N(0, I_d) drawn in order from <paramref name="stream"/>: A(X)_i = x_i^T X x_i.</summary>
    public static BilinearMeasurementOperator Quadratic(int count, int dimension, ref RandomStream stream)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        var inputs = new double[checked(count * dimension)];
        stream.FillNormal(inputs);
        return new BilinearMeasurementOperator(count, dimension, dimension, (inputs, inputs));
    }

    private static (double[] Left, double[] Right) DrawPairs(int count, int rows, int cols, ref RandomStream stream)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(rows, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(cols, 1);
        var left = new double[checked(count * rows)];
        var right = new double[checked(count * cols)];
        for (var i = 0; i < count; i++)
        {
            stream.FillNormal(left.AsSpan(i * rows, rows));
            stream.FillNormal(right.AsSpan(i * cols, cols));
        }
        return (left, right);
    }

    public int Count { get; }

    public int Rows { get; }

    public int Cols { get; }

    /// <summary>a_i (length d1).</summary>
    public ReadOnlySpan<double> Left(int i) => _left.AsSpan(i * Rows, Rows);

    /// <summary>c_i (length d2).</summary>
    public ReadOnlySpan<double> Right(int i) => _right.AsSpan(i * Cols, Cols);

    /// <summary>
    /// The flatness weights P = (1/m) sum A_i A_i^T = (1/m) sum ||c_i||^2 a_i a_i^T (d1 x d1) and
    /// Q = (1/m) sum A_i^T A_i = (1/m) sum ||a_i||^2 c_i c_i^T (d2 x d2).
    /// </summary>
    public (double[] P, double[] Q) Moments()
    {
        var p = new double[Rows * Rows];
        var q = new double[Cols * Cols];
        for (var i = 0; i < Count; i++)
        {
            AddOuter(Kernels.SumOfSquares(Right(i)) / Count, Left(i), p);
            AddOuter(Kernels.SumOfSquares(Left(i)) / Count, Right(i), q);
        }
        return (p, q);
    }

    /// <summary>y_i = a_i^T X c_i = (X^T a_i) . c_i, X^T a_i accumulated row by row.</summary>
    public void Apply(ReadOnlySpan<double> x, Span<double> y)
    {
        CheckShapes(x.Length, y.Length);
        for (var i = 0; i < Count; i++)
        {
            var a = Left(i);
            Array.Clear(_scratch);
            for (var row = 0; row < Rows; row++)
                Kernels.Axpy(a[row], x.Slice(row * Cols, Cols), _scratch);
            y[i] = Kernels.Dot(_scratch, Right(i));
        }
    }

    /// <summary>X += scale * sum_i y_i a_i c_i^T (measurements with y_i = 0 are skipped).</summary>
    public void AddAdjoint(ReadOnlySpan<double> y, double scale, Span<double> x)
    {
        CheckShapes(x.Length, y.Length);
        for (var i = 0; i < Count; i++)
        {
            if (y[i] == 0) continue;
            var a = Left(i);
            var c = Right(i);
            for (var row = 0; row < Rows; row++)
                Kernels.Axpy(scale * y[i] * a[row], c, x.Slice(row * Cols, Cols));
        }
    }

    /// <summary>W += w v v^T for a square row-major W.</summary>
    private static void AddOuter(double w, ReadOnlySpan<double> v, Span<double> target)
    {
        var n = v.Length;
        for (var row = 0; row < n; row++)
            Kernels.Axpy(w * v[row], v, target.Slice(row * n, n));
    }

    private void CheckShapes(int matrixLength, int measurementLength)
    {
        if (matrixLength != Rows * Cols || measurementLength != Count)
            throw new ArgumentException($"Expected a {Rows} x {Cols} matrix and {Count} measurements, got lengths {matrixLength} and {measurementLength}.");
    }
}
