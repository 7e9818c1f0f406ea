namespace Sweeps.Numerics.Convex;

/// <summary>
/// Z = U diag(s) V^T with U (rows x rank) and V (cols x rank) row-major with orthonormal columns and
/// s positive and descending; for a PSD matrix V = U.
/// </summary>
public sealed record LowRankMatrix(int Rows, int Cols, double[] Left, double[] Values, double[] Right)
{
    public int Rank => Values.Length;

    public static LowRankMatrix Zero(int rows, int cols) => new(rows, cols, [], [], []);

    /// <summary>Writes U diag(s) V^T into <paramref name="target"/> (rows x cols, row-major).</summary>
    public void WriteDense(Span<double> target)
    {
        target[..(Rows * Cols)].Clear();
        var rank = Rank;
        for (var a = 0; a < Rows; a++)
        {
            var row = target.Slice(a * Cols, Cols);
            for (var i = 0; i < rank; i++)
            {
                var w = Left[a * rank + i] * Values[i];
                for (var c = 0; c < Cols; c++)
                    row[c] += w * Right[c * rank + i];
            }
        }
    }

    /// <summary>The leading <paramref name="count"/> terms (all when count &gt;= rank).</summary>
    public LowRankMatrix Truncate(int count)
    {
        if (count >= Rank) return this;
        return new LowRankMatrix(Rows, Cols, Columns(Left, Rows, count), Values[..count], Columns(Right, Cols, count));
    }

    private double[] Columns(double[] source, int height, int count)
    {
        var result = new double[height * count];
        for (var a = 0; a < height; a++)
            source.AsSpan(a * Rank, count).CopyTo(result.AsSpan(a * count, count));
        return result;
    }
}
