namespace Sweeps.Numerics.Problems.Completion;

/// <summary>
/// The entry-sampling map of matrix completion (docs/SCIENCE.md 2.4): A_i = e_{a_i} e_{b_i}^T for the
/// observed entries (a_i, b_i) of Omega in row-major order, so A(X)_i = X[a_i, b_i] and
/// A^*(y) puts y_i back at (a_i, b_i). Allocation-free.
/// </summary>
public sealed class EntrySampling : IMeasurementOperator
{
    private readonly int[] _entries;

    /// <summary>Omega as row-major positions a * cols + b, strictly increasing.</summary>
    public EntrySampling(int rows, int cols, int[] entries)
    {
        ArgumentNullException.ThrowIfNull(entries);
        ArgumentOutOfRangeException.ThrowIfLessThan(entries.Length, 1);
        for (var i = 0; i < entries.Length; i++)
            if (entries[i] < 0 || entries[i] >= rows * cols || (i > 0 && entries[i] <= entries[i - 1]))
                throw new ArgumentException($"entries: position {entries[i]} at index {i} is outside the {rows} x {cols} matrix or out of order.", nameof(entries));
        Rows = rows;
        Cols = cols;
        _entries = entries;
    }

    /// <summary>|Omega|.</summary>
    public int Count => _entries.Length;

    public int Rows { get; }

    public int Cols { get; }

    /// <summary>Omega as row-major positions a * cols + b.</summary>
    public ReadOnlySpan<int> Entries => _entries;

    /// <summary>n_row(a), the number of observed entries in row a.</summary>
    public int[] RowCounts() => Counts(Rows, e => e / Cols);

    /// <summary>n_col(b), the number of observed entries in column b.</summary>
    public int[] ColumnCounts() => Counts(Cols, e => e % Cols);

    /// <summary>
    /// P = (1/m) sum A_i A_i^T = diag(n_row) / |Omega| and Q = (1/m) sum A_i^T A_i = diag(n_col) / |Omega|,
    /// so 2&lt;P, L L^T&gt; + 2&lt;Q, R R^T&gt; = (2/|Omega|)(sum_a n_row(a) ||L_a||^2 + sum_b n_col(b) ||R_b||^2).
    /// </summary>
    public (double[] P, double[] Q) Moments() => (Diagonal(RowCounts()), Diagonal(ColumnCounts()));

    public void Apply(ReadOnlySpan<double> x, Span<double> y)
    {
        CheckShapes(x.Length, y.Length);
        for (var i = 0; i < _entries.Length; i++)
            y[i] = x[_entries[i]];
    }

    public void AddAdjoint(ReadOnlySpan<double> y, double scale, Span<double> x)
    {
        CheckShapes(x.Length, y.Length);
        for (var i = 0; i < _entries.Length; i++)
            x[_entries[i]] += scale * y[i];
    }

    private int[] Counts(int length, Func<int, int> index)
    {
        var counts = new int[length];
        foreach (var e in _entries) counts[index(e)]++;
        return counts;
    }

    private double[] Diagonal(int[] counts)
    {
        var n = counts.Length;
        var result = new double[n * n];
        for (var a = 0; a < n; a++) result[a * n + a] = counts[a] / (double)Count;
        return result;
    }

    private void CheckShapes(int matrixLength, int measurementLength)
    {
        if (matrixLength != Rows * Cols || measurementLength != Count)
            throw new ArgumentException($"Expected a {Rows} x {Cols} matrix and {Count} measurements, got lengths {matrixLength} and {measurementLength}.");
    }
}
