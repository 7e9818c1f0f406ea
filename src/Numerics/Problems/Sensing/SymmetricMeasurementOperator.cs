namespace Sweeps.Numerics.Problems.Sensing;

/// <summary>
/// Symmetric Gaussian sensing map on d x d matrices: A_i = (G + G^T)/2 with G i.i.d. N(0, 1),
/// i.e. diagonal entries N(0, 1) and off-diagonal entries N(0, 1/2) (drawn directly with those
/// variances, which is the same distribution). Each A_i is stored packed: its upper triangle
/// row by row, d(d+1)/2 numbers, off-diagonal entries multiplied by 2. Then for any X,
/// &lt;A_i, X&gt; = sum_{j&lt;=l} packed(A_i)_{jl} * sym(X)_{jl} with sym(X) = (X + X^T)/2 packed
/// unweighted: one dot product of half the length. Apply and AddAdjoint take full row-major
/// d x d matrices and use a scratch buffer owned by the instance (one thread at a time).
/// </summary>
public sealed class SymmetricMeasurementOperator : IMeasurementOperator
{
    /// <summary>About 64 KB of unpacked measurements per rank update in <see cref="SquareMean"/>: they stay in L2.</summary>
    private const int UnpackedBatchLength = 8192;
    private static readonly double OffDiagonalScale = Math.Sqrt(0.5);
    private readonly double[] _packed;
    private readonly double[] _scratch;
    private readonly double[] _accumulator;
    private readonly int _size;

    /// <summary>Draws A_1..A_m, each upper triangle row by row, from <paramref name="stream"/>.</summary>
    public SymmetricMeasurementOperator(int count, int dimension, ref RandomStream stream)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(count, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        Count = count;
        Rows = dimension;
        _size = PackedLength(dimension);
        // Every entry is written below, so the megabytes need no zeroing first.
        _packed = GC.AllocateUninitializedArray<double>(checked(count * _size));
        _scratch = new double[_size];
        _accumulator = new double[_size];
        stream.FillNormal(_packed);
        // Row j of a packed triangle is the diagonal entry, then the d - 1 - j off-diagonal ones.
        var offDiagonal = 2 * OffDiagonalScale;
        for (var p = 0; p < _packed.Length;)
            for (var j = 0; j < dimension; j++)
            {
                Kernels.Scale(offDiagonal, _packed.AsSpan(p + 1, dimension - 1 - j));
                p += dimension - j;
            }
    }

    /// <summary>d(d+1)/2, the length of a packed upper triangle.</summary>
    public static int PackedLength(int dimension) => dimension * (dimension + 1) / 2;

    public int Count { get; }

    public int Rows { get; }

    public int Cols => Rows;

    public void Apply(ReadOnlySpan<double> x, Span<double> y)
    {
        CheckShapes(x.Length, y.Length);
        Pack(x, _scratch);
        for (var i = 0; i < Count; i++)
            y[i] = Kernels.Dot(Packed(i), _scratch);
    }

    public void AddAdjoint(ReadOnlySpan<double> y, double scale, Span<double> x)
    {
        CheckShapes(x.Length, y.Length);
        Array.Clear(_scratch);
        for (var i = 0; i < Count; i++)
            Kernels.Axpy(y[i], Packed(i), _scratch);
        AddUnpacked(_scratch, scale, x);
    }

    public void CopyMeasurement(int i, Span<double> target)
    {
        target[..(Rows * Rows)].Clear();
        AddUnpacked(Packed(i), 1.0, target);
    }

    /// <summary>One pass (<see cref="FusedMeasurementPass"/>): for each i, r_i = &lt;A_i, X&gt; - b_i, then S += r_i A_i (packed) while A_i is in cache.</summary>
    public double ResidualAndAdjoint(ReadOnlySpan<double> x, ReadOnlySpan<double> b, Span<double> residual, Span<double> adjoint)
    {
        CheckShapes(x.Length, residual.Length);
        CheckShapes(adjoint.Length, b.Length);
        Pack(x, _scratch);
        Array.Clear(_accumulator);
        FusedMeasurementPass.Run(_packed, _scratch, b, residual, _accumulator);
        AddUnpacked(_accumulator, 1.0, adjoint);
        return Kernels.SumOfSquares(residual);
    }

    /// <summary>The packed upper triangle of (X + X^T)/2, matching the off-diagonal weight 2 of the packed A_i.</summary>
    private void Pack(ReadOnlySpan<double> x, Span<double> packed)
    {
        var d = Rows;
        var p = 0;
        for (var j = 0; j < d; j++)
        {
            packed[p++] = x[j * d + j];
            for (var l = j + 1; l < d; l++)
                packed[p++] = 0.5 * (x[j * d + l] + x[l * d + j]);
        }
    }

    /// <summary>X += scale * (the symmetric matrix whose packed form, off-diagonals doubled, is <paramref name="packed"/>).</summary>
    private void AddUnpacked(ReadOnlySpan<double> packed, double scale, Span<double> x)
    {
        var d = Rows;
        var p = 0;
        for (var j = 0; j < d; j++)
        {
            x[j * d + j] += scale * packed[p++];
            for (var l = j + 1; l < d; l++)
            {
                var half = 0.5 * scale * packed[p++];
                x[j * d + l] += half;
                x[l * d + j] += half;
            }
        }
    }

    /// <summary>Writes A_i as a full d x d row-major matrix.</summary>
    public void CopyMatrix(int i, Span<double> target) => CopyMatrix(i, target, Rows);

    /// <summary>
    /// D2 = (1/m) sum_i A_i^2 (d x d, row-major). A_i is symmetric, so A_i^2 = A_i^T A_i and D2 is one
    /// symmetric rank-(m d) update with the rows of all A_i: they are unpacked a few measurements at a
    /// time into rows of width w (d rounded up to <see cref="SymmetricRankUpdate.Width"/>), right-aligned
    /// after w - d zero columns (so the update can skip the padding's rows), and fed to
    /// <see cref="SymmetricRankUpdate.AddUpper"/>; entry (j, l) is the sequential sum over i, p of
    /// A_i[p, j] A_i[p, l], divided by m at the end.
    /// </summary>
    public double[] SquareMean()
    {
        var d = Rows;
        var w = (d + SymmetricRankUpdate.Width - 1) / SymmetricRankUpdate.Width * SymmetricRankUpdate.Width;
        var offset = w - d;
        var batch = Math.Max(1, UnpackedBatchLength / (d * w));
        var rows = new double[batch * d * w];
        var sum = new double[w * w];
        for (var i = 0; i < Count; i += batch)
        {
            var n = Math.Min(batch, Count - i);
            for (var t = 0; t < n; t++)
                CopyMatrix(i + t, rows.AsSpan(t * d * w + offset), w);
            SymmetricRankUpdate.AddUpper(rows.AsSpan(0, n * d * w), w, offset, sum);
        }
        var result = new double[d * d];
        for (var j = 0; j < d; j++)
            for (var l = j; l < d; l++)
                result[j * d + l] = result[l * d + j] = sum[(offset + j) * w + offset + l] / Count;
        return result;
    }

    /// <summary>Writes A_i into the first d entries of d rows that start <paramref name="stride"/> apart; other entries are untouched.</summary>
    private void CopyMatrix(int i, Span<double> target, int stride)
    {
        var packed = Packed(i);
        var d = Rows;
        var p = 0;
        for (var j = 0; j < d; j++)
        {
            target[j * stride + j] = packed[p++];
            for (var l = j + 1; l < d; l++)
                target[j * stride + l] = target[l * stride + j] = 0.5 * packed[p++];
        }
    }

    private ReadOnlySpan<double> Packed(int i) => _packed.AsSpan(i * _size, _size);

    private void CheckShapes(int matrixLength, int measurementLength)
    {
        if (matrixLength != Rows * Rows || measurementLength != Count)
            throw new ArgumentException($"Expected a {Rows} x {Rows} matrix and {Count} measurements, got lengths {matrixLength} and {measurementLength}.");
    }
}
