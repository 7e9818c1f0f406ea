namespace Sweeps.Numerics.Problems.Sensing;

/// <summary>
/// The layout theta = [L, R] of a model X = L R^T: L (d1 x k) then R (d2 x k), both row-major. Shared by every
/// L R^T problem (general, bilinear and completion sensing, robust PCA) for slicing, initializing and describing theta.
/// </summary>
internal readonly record struct FactorPair(int D1, int D2, int Width)
{
    /// <summary>(d1 + d2) k, the length of theta.</summary>
    public int Length => (D1 + D2) * Width;

    public void CheckLength(int length)
    {
        if (length != Length)
            throw new ArgumentException($"Expected theta of length (d1 + d2) k = {Length}, got {length}.");
    }

    public ReadOnlySpan<double> Left(ReadOnlySpan<double> theta) => theta[..(D1 * Width)];

    public ReadOnlySpan<double> Right(ReadOnlySpan<double> theta) => theta[(D1 * Width)..];

    public Span<double> Left(Span<double> theta) => theta[..(D1 * Width)];

    public Span<double> Right(Span<double> theta) => theta[(D1 * Width)..];

    /// <summary>
    /// L, R with i.i.d. N(0, s^2) entries, s = (scale^2 / (d1 d2 k))^{1/4}: then
    /// E ||L R^T||_F^2 = d1 d2 k s^4 = scale^2 (the truth has norm 1).
    /// </summary>
    public void Initialize(ref RandomStream stream, double scale, Span<double> theta)
    {
        CheckLength(theta.Length);
        stream.FillNormal(theta, SensingAnalysis.FactorPairEntryScale(scale, D1, D2, Width));
    }

    /// <summary>X = L R^T (d1 x d2), its singular values, and the balance gap ||L^T L - R^T R||_F / (||L||_F^2 + ||R||_F^2).</summary>
    public (double[] Model, double[] Singular, double Balance) Describe(ReadOnlySpan<double> theta)
    {
        CheckLength(theta.Length);
        var model = new double[D1 * D2];
        DenseProducts.MultiplyTransposed(Left(theta), Right(theta), Width, model);
        return (model, SensingAnalysis.SingularValues(model, D1, D2), SensingAnalysis.BalanceGap(Left(theta), Right(theta), Width));
    }
}
