namespace Sweeps.Numerics.Convex;

/// <summary>
/// The projection onto {Y : Ã(Y) = b} of <see cref="AffineProjector"/>, built from the Cholesky factor of the Gram
/// matrix G = Ã Ã^* = C C^T instead of Gram-Schmidt: W = C^{-1} Ã has orthonormal rows and is the same W (the QR
/// factor with a positive diagonal is unique), kept implicitly as Ã and C. The build costs m^2 n flops for G
/// (<see cref="PanelGram"/>, register-blocked on packed panels) and m^3 / 3 for C, against Gram-Schmidt's 2 m^2 n in memory-bound passes; an
/// iteration costs the same 2 m n plus two triangular solves (m^2).
/// Forming G squares the condition number, so the build gives up (returns null, and the caller uses Gram-Schmidt,
/// which also drops dependent rows) when a row keeps less than <see cref="MinResidual"/> of its norm outside the span
/// of the earlier rows, the Cholesky pivot: then cond(G) stays below about m / MinResidual^2 and a projection is
/// accurate to about 1e-12. Gaussian rows keep sqrt(1 - m / n) of their norm, so only m near n gives up.
/// </summary>
internal sealed class GramProjector : IAffineConstraint
{
    /// <summary>The smallest pivot fraction accepted: sqrt(G_ii - sum_k C_ik^2) / sqrt(G_ii).</summary>
    public const double MinResidual = 0.1;

    private readonly double[] _rows;     // Ã, m x n row-major
    private readonly double[] _cholesky; // C, m x m row-major, lower triangle
    private readonly double[] _data;     // c = C^{-1} b
    private readonly double[] _work;

    private GramProjector(double[] rows, double[] cholesky, double[] data, int m, int n)
    {
        _rows = rows;
        _cholesky = cholesky;
        _data = data;
        _work = new double[m];
        Rank = m;
        Length = n;
    }

    public int Rank { get; }

    public int Length { get; }

    public int Dropped => 0;

    public double Inconsistency => 0;

    public ReadOnlySpan<double> OrthonormalData => _data;

    /// <summary>The projector, or null when some row is too close to the span of the earlier ones (see the class).</summary>
    public static GramProjector? TryBuild(IMeasurementOperator a, ReadOnlySpan<double> b, SpdRoots left, SpdRoots right)
    {
        int m = a.Count, d1 = a.Rows, d2 = a.Cols, n = d1 * d2;
        if (m > n) return null;
        var rows = WeightedRows(a, left, right);
        var w = PanelGram.Side(m);
        var gram = PanelGram.Upper(rows, m, n);
        var cholesky = Cholesky(gram, w, m);
        if (cholesky is null) return null;
        var projector = new GramProjector(rows, cholesky, new double[m], m, n);
        b.CopyTo(projector._data);
        projector.ForwardSolve(projector._data);
        return projector;
    }

    public void Coordinates(ReadOnlySpan<double> v, Span<double> mu)
    {
        for (var i = 0; i < Rank; i++) mu[i] = Kernels.Dot(Row(i), v);
        ForwardSolve(mu[..Rank]);
    }

    public void Synthesize(ReadOnlySpan<double> mu, Span<double> v)
    {
        mu[..Rank].CopyTo(_work);
        BackSolve(_work);
        v[..Length].Clear();
        for (var i = 0; i < Rank; i++) Kernels.Axpy(_work[i], Row(i), v);
    }

    /// <summary>v := v - Ã^* C^{-T} (C^{-1} Ã v - c) = v - W^T (W v - c).</summary>
    public void Project(Span<double> v)
    {
        for (var i = 0; i < Rank; i++) _work[i] = Kernels.Dot(Row(i), v);
        ForwardSolve(_work);
        for (var i = 0; i < Rank; i++) _work[i] -= _data[i];
        BackSolve(_work);
        for (var i = 0; i < Rank; i++) Kernels.Axpy(-_work[i], Row(i), v);
    }

    private ReadOnlySpan<double> Row(int i) => _rows.AsSpan(i * Length, Length);

    private ReadOnlySpan<double> CholeskyRow(int i, int count) => _cholesky.AsSpan(i * Rank, count);

    /// <summary>x := C^{-1} x.</summary>
    private void ForwardSolve(Span<double> x)
    {
        for (var i = 0; i < Rank; i++)
            x[i] = (x[i] - Kernels.Dot(CholeskyRow(i, i), x[..i])) / _cholesky[i * Rank + i];
    }

    /// <summary>x := C^{-T} x, row by row of C: once x_i is known, its multiples leave the earlier equations.</summary>
    private void BackSolve(Span<double> x)
    {
        for (var i = Rank - 1; i >= 0; i--)
        {
            x[i] /= _cholesky[i * Rank + i];
            Kernels.Axpy(-x[i], CholeskyRow(i, i), x[..i]);
        }
    }

    /// <summary>Ã_i = P^{-1/2} A_i Q^{-1/2} for every measurement i, row-major m x n.</summary>
    internal static double[] WeightedRows(IMeasurementOperator a, SpdRoots left, SpdRoots right)
    {
        int m = a.Count, d1 = a.Rows, d2 = a.Cols, n = d1 * d2;
        var rows = new double[m * n];
        var measurement = new double[n];
        for (var i = 0; i < m; i++)
        {
            a.CopyMeasurement(i, measurement);
            MatrixProduct.Sandwich(left.InverseHalf, measurement, right.InverseHalf, d1, d2).CopyTo(rows.AsSpan(i * n, n));
        }
        return rows;
    }

    /// <summary>The lower Cholesky factor (m x m) of the Gram matrix whose upper triangle is in <paramref name="gram"/> (w x w), or null below the pivot floor.</summary>
    private static double[]? Cholesky(double[] gram, int w, int m)
    {
        var c = new double[m * m];
        for (var i = 0; i < m; i++)
        {
            var row = c.AsSpan(i * m, i + 1);
            for (var j = 0; j < i; j++)
                row[j] = (gram[j * w + i] - Kernels.Dot(row[..j], c.AsSpan(j * m, j))) / c[j * m + j];
            var diagonal = gram[i * w + i];
            var pivot = diagonal - Kernels.SumOfSquares(row[..i]);
            if (!(diagonal > 0) || !(pivot >= MinResidual * MinResidual * diagonal)) return null;
            row[i] = Math.Sqrt(pivot);
        }
        return c;
    }
}
