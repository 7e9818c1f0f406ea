namespace Sweeps.Numerics.Convex;

/// <summary>
/// Euclidean projection onto the affine set {Y : Ã(Y) = b} (Y is d1 x d2, row-major), where
/// Ã(Y)_i = &lt;Ã_i, Y&gt; and Ã_i = P^{-1/2} A_i Q^{-1/2}, so that Ã(Y) = A(P^{-1/2} Y Q^{-1/2}).
/// The factorization of Ã Ã^* is cached once: Ã = C W with W (q x n) having orthonormal rows and
/// C (m x q) lower triangular, computed row by row by Gram-Schmidt applied twice (a QR of Ã^T,
/// so C C^T = Ã Ã^* is its Cholesky factorization) without ever forming the squared-conditioned
/// Gram matrix. Then Proj(V) = V - W^T (W V - c) with c = C^{-1} b.
/// A measurement whose row depends on earlier ones (possible only when m exceeds the number of
/// unknowns) is dropped; <see cref="Dropped"/> counts them and <see cref="Inconsistency"/> is the
/// largest relative amount by which the dropped data disagree with the kept ones (0 when consistent).
/// </summary>
public sealed class AffineProjector : IAffineConstraint
{
    /// <summary>A row whose part outside the span of earlier rows is below this fraction of its norm is dependent.</summary>
    private const double DependenceTolerance = 1e-9;

    private readonly double[] _rows;
    private readonly double[] _data;
    private readonly double[] _coefficients;

    private AffineProjector(double[] rows, double[] data, int rank, int length, int dropped, double inconsistency)
    {
        _rows = rows;
        _data = data;
        _coefficients = new double[rank];
        Rank = rank;
        Length = length;
        Dropped = dropped;
        Inconsistency = inconsistency;
    }

    /// <summary>q, the number of independent measurements kept.</summary>
    public int Rank { get; }

    /// <summary>n = d1 d2.</summary>
    public int Length { get; }

    public int Dropped { get; }

    public double Inconsistency { get; }

    /// <summary>
    /// Builds the projector for the measurements <paramref name="a"/> and data <paramref name="b"/> in the
    /// variable Y = P^{1/2} X Q^{1/2} (<paramref name="left"/> holds P's roots, <paramref name="right"/> Q's).
    /// </summary>
    public static AffineProjector Build(IMeasurementOperator a, ReadOnlySpan<double> b, SpdRoots left, SpdRoots right)
    {
        int m = a.Count, d1 = a.Rows, d2 = a.Cols, n = d1 * d2;
        if (b.Length != m) throw new ArgumentException($"b: length {b.Length} differs from m = {m}.", nameof(b));
        if (left.Dimension != d1 || right.Dimension != d2)
            throw new ArgumentException($"weights: sizes {left.Dimension} and {right.Dimension} do not match {d1} x {d2}.");

        var rows = GramProjector.WeightedRows(a, left, right);
        var data = new double[m];
        var coefficients = new double[m];
        int rank = 0, dropped = 0;
        var inconsistency = 0.0;
        var dataScale = Kernels.Norm(b);
        for (var i = 0; i < m; i++)
        {
            // Row i is orthogonalized in place into slot rank <= i (earlier dependent rows left gaps).
            if (rank != i) rows.AsSpan(i * n, n).CopyTo(rows.AsSpan(rank * n, n));
            var row = rows.AsSpan(rank * n, n);
            var value = b[i];
            var before = Kernels.Norm(row);
            for (var pass = 0; pass < 2; pass++)
            {
                for (var j = 0; j < rank; j++)
                    coefficients[j] = Kernels.Dot(rows.AsSpan(j * n, n), row);
                for (var j = 0; j < rank; j++)
                {
                    Kernels.Axpy(-coefficients[j], rows.AsSpan(j * n, n), row);
                    value -= coefficients[j] * data[j];
                }
            }
            var after = Kernels.Norm(row);
            if (!(after > DependenceTolerance * before))
            {
                dropped++;
                if (dataScale > 0) inconsistency = Math.Max(inconsistency, Math.Abs(value) / dataScale);
                continue;
            }
            Kernels.Scale(1 / after, row);
            data[rank++] = value / after;
        }
        return new AffineProjector(rows[..(rank * n)], data[..rank], rank, n, dropped, inconsistency);
    }

    /// <summary>c = C^{-1} b, the data in the orthonormalized rows: the dual of min g(Y) s.t. W Y = c is max c^T mu - g^*(W^T mu).</summary>
    public ReadOnlySpan<double> OrthonormalData => _data;

    /// <summary>mu = W v (length <see cref="Rank"/>): the coordinates of v's component in the row space of Ã.</summary>
    public void Coordinates(ReadOnlySpan<double> v, Span<double> mu)
    {
        for (var j = 0; j < Rank; j++) mu[j] = Kernels.Dot(_rows.AsSpan(j * Length, Length), v);
    }

    /// <summary>v = W^T mu, an element of the range of Ã^* (the adjoint of the orthonormalized map).</summary>
    public void Synthesize(ReadOnlySpan<double> mu, Span<double> v)
    {
        v[..Length].Clear();
        for (var j = 0; j < Rank; j++) Kernels.Axpy(mu[j], _rows.AsSpan(j * Length, Length), v);
    }

    /// <summary>v := Proj(v) = v - W^T (W v - c).</summary>
    public void Project(Span<double> v)
    {
        var n = Length;
        for (var j = 0; j < Rank; j++)
            _coefficients[j] = Kernels.Dot(_rows.AsSpan(j * n, n), v) - _data[j];
        for (var j = 0; j < Rank; j++)
            Kernels.Axpy(-_coefficients[j], _rows.AsSpan(j * n, n), v);
    }
}
