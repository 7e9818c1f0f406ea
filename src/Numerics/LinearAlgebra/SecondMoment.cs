namespace Sweeps.Numerics.LinearAlgebra;

/// <summary>
/// (1/N) sum_i B_i^T B_i for N matrices B_i (rows x width): one symmetric rank update with the rows of all B_i. They are
/// written a few matrices at a time (about 64 KB, so they stay in L2) into rows of width w (width rounded up to
/// <see cref="SymmetricRankUpdate.Width"/>), right-aligned after w - width zero columns (so the update can skip the
/// padding's rows), and fed to <see cref="SymmetricRankUpdate.AddUpper"/>; entry (j, l) is the sequential sum over i
/// and the rows of B_i[p, j] B_i[p, l], divided by N at the end. The flatness weights of sensing are such moments.
/// </summary>
internal static class SecondMoment
{
    private const int BatchLength = 8192;

    /// <summary>Writes B_i's rows into <paramref name="target"/>, row p's <c>width</c> entries starting at p * stride.</summary>
    public delegate void WriteRows(int i, Span<double> target, int stride);

    public static double[] Mean(int count, int rows, int width, WriteRows write)
    {
        var w = SymmetricRankUpdate.Padded(width);
        var offset = w - width;
        var batch = Math.Max(1, BatchLength / (rows * w));
        var buffer = new double[batch * rows * w];
        var sum = new double[w * w];
        for (var i = 0; i < count; i += batch)
        {
            var n = Math.Min(batch, count - i);
            for (var t = 0; t < n; t++)
                write(i + t, buffer.AsSpan(t * rows * w + offset), w);
            SymmetricRankUpdate.AddUpper(buffer.AsSpan(0, n * rows * w), w, offset, sum);
        }
        var result = new double[width * width];
        for (var j = 0; j < width; j++)
            for (var l = j; l < width; l++)
                result[j * width + l] = result[l * width + j] = sum[(offset + j) * w + offset + l] / count;
        return result;
    }
}
