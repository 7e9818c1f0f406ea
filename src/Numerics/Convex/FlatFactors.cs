namespace Sweeps.Numerics.Convex;

/// <summary>
/// The flattest factors of X = P^{-1/2} Y Q^{-1/2} (docs/SCIENCE.md 2.1, 2.2): with Y = U S V^T (thin,
/// rank = number of singular values above <see cref="RankTolerance"/> times the largest),
/// L = P^{-1/2} U S^{1/2} (d1 x k) and R = Q^{-1/2} V S^{1/2} (d2 x k), zero-padded to width k, so that
/// L R^T = X and 2&lt;P, L L^T&gt; + 2&lt;Q, R R^T&gt; = 4 ||Y||_*; for a PSD Y = V S V^T, R = L = D^{-1} V S^{1/2}.
/// With identity weights these are the balanced factors of X itself. When the rank exceeds k the
/// top k terms are kept and <see cref="Note"/> says so.
/// </summary>
public sealed record FlatFactors(double[] Left, double[] Right, int Rank, string? Note)
{
    /// <summary>Singular values below this fraction of the largest are numerical zeros of the solver.</summary>
    public const double RankTolerance = 1e-9;

    public static FlatFactors From(LowRankMatrix y, SpdRoots left, SpdRoots right, int width)
    {
        var top = y.Rank == 0 ? 0 : y.Values[0];
        var rank = y.Values.Count(s => s > RankTolerance * top);
        var kept = y.Truncate(Math.Min(rank, width));
        var note = rank > width
            ? $"the convex solution has rank {rank} > k = {width}; kept its top {width} singular values."
            : null;
        return new FlatFactors(
            Factor(kept.Left, kept.Values, left, width),
            Factor(kept.Right, kept.Values, right, width),
            rank,
            note);
    }

    /// <summary>W^{-1/2} U S^{1/2}, padded with zero columns to width k.</summary>
    private static double[] Factor(double[] vectors, double[] values, SpdRoots weight, int width)
    {
        var n = weight.Dimension;
        var rank = values.Length;
        var scaled = new double[n * rank];
        for (var a = 0; a < n; a++)
            for (var i = 0; i < rank; i++)
                scaled[a * rank + i] = vectors[a * rank + i] * Math.Sqrt(values[i]);
        var product = new double[n * rank];
        MatrixProduct.Multiply(weight.InverseHalf, scaled, product, n, n, rank);
        var padded = new double[n * width];
        for (var a = 0; a < n; a++)
            product.AsSpan(a * rank, rank).CopyTo(padded.AsSpan(a * width, rank));
        return padded;
    }
}
