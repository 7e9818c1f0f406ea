namespace Sweeps.Numerics.Problems;

/// <summary>
/// A factorized problem whose factor can be cut to a given rank without changing the rest of its model, in a way that
/// gradient steps keep: the rank-polish of the nonconvex methods (docs/METHODS.md "Rank polish") uses it to finish an
/// over-parameterized run whose spare components shrink only sublinearly.
/// </summary>
public interface IRankRevealing
{
    /// <summary>The singular values of the model X(theta), largest first.</summary>
    double[] ModelSingularValues(ReadOnlySpan<double> theta);

    /// <summary>
    /// Replaces theta by a factor of X_r, the best rank-<paramref name="rank"/> approximation of X(theta), whose other
    /// components are exactly zero (so grad f has none there either).
    /// </summary>
    void KeepRank(Span<double> theta, int rank);

    /// <summary>||X(a) - X(b)||_F.</summary>
    double ModelDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b);
}
