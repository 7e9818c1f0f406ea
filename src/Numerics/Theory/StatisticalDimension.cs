using System.Collections.Concurrent;

namespace Sweeps.Numerics.Theory;

/// <summary>
/// Statistical dimension delta of the descent cone of the convex regularizer at a rank-r truth
/// (Amelunxen, Lotz, McCoy, Tropp 2014): Gaussian-measurement recovery succeeds with probability
/// about 1/2 at m = delta. Expectations are Monte Carlo averages over draws from a fixed seed, and
/// the minimization over tau is exact, so a value is the same on every call and every machine.
/// Values are cached per shape; the instance is thread-safe.
/// </summary>
/// <remarks>
/// The Monte Carlo error of E sum_i f(s_i) for an n1 x n2 matrix, relative to delta, falls like
/// 1/sqrt(N n1 n2) (a linear spectral statistic fluctuates by O(1) in units of its scale), so the
/// number of draws N is set from a budget of matrix entries: N = ceil(budget / (n1 n2)), clamped to
/// [<see cref="MinSamples"/>, <see cref="MaxSamples"/>]. This keeps the spread across seeds near 0.2%
/// at every size and the cost per shape proportional to n.
/// </remarks>
public sealed class StatisticalDimension
{
    /// <summary>Default budget of random matrix entries drawn per shape.</summary>
    public const int DefaultEntryBudget = 400_000;

    /// <summary>Fewest and most random matrices averaged per shape.</summary>
    public const int MinSamples = 100, MaxSamples = 20_000;

    /// <summary>Default seed of the Monte Carlo draws.</summary>
    public const long DefaultSeed = 20140601;

    private readonly ConcurrentDictionary<(bool Symmetric, int D1, int D2, int R), Lazy<(double Exact, double Bound)>> _cache = new();

    public StatisticalDimension(int entryBudget = DefaultEntryBudget, long seed = DefaultSeed)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(entryBudget, 1);
        EntryBudget = entryBudget;
        Seed = seed;
    }

    /// <summary>The shared instance with the default samples and seed (its cache serves every caller).</summary>
    public static StatisticalDimension Default { get; } = new();

    /// <summary>Random matrix entries drawn per shape (before clamping the number of draws).</summary>
    public int EntryBudget { get; }

    public long Seed { get; }

    /// <summary>
    /// Nuclear norm at a rank-r d1 x d2 matrix, exactly (ALMT 2014, Prop. 4.1): delta = E dist^2(G, cone d||X||_*)
    /// = r(d1 + d2 - r) + E min_{tau &gt;= 0} [ r tau^2 - 2 tau tr(G11) + sum_i (s_i(G22) - tau)_+^2 ],
    /// G22 a (d1 - r) x (d2 - r) and G11 an r x r matrix with i.i.d. N(0, 1) entries. At r = min(d1, d2), delta = d1 d2.
    /// </summary>
    public double General(int d1, int d2, int r) => GeneralPair(d1, d2, r).Exact;

    /// <summary>
    /// SCIENCE.md 5's finite-size formula for the nuclear norm, the ALMT upper bound on <see cref="General"/>:
    /// min_{tau &gt;= 0} [ r(d1 + d2 - r) + r tau^2 + E sum_i (s_i(G22) - tau)_+^2 ] (tau fixed before the expectation).
    /// </summary>
    public double GeneralBound(int d1, int d2, int r) => GeneralPair(d1, d2, r).Bound;

    /// <summary>
    /// Trace plus the PSD constraint at a rank-r d x d PSD matrix, exactly: delta = r(r + 1)/2 + r(d - r)
    /// + E min_{tau &gt;= 0} [ r tau^2 - 2 tau tr(W11) + sum_i (lambda_i(W22) - tau)_+^2 ], W the symmetric Gaussian
    /// matrix (diagonal variance 1, off-diagonal 1/2) in the truth's eigenbasis, W22 its (d - r) x (d - r) block.
    /// </summary>
    public double SymmetricPsd(int d, int r) => PsdPair(d, r).Exact;

    /// <summary>SCIENCE.md 5's formula for trace + PSD, the upper bound on <see cref="SymmetricPsd"/>.</summary>
    public double SymmetricPsdBound(int d, int r) => PsdPair(d, r).Bound;

    private (double Exact, double Bound) GeneralPair(int d1, int d2, int r)
    {
        Validate(d1, d2, r);
        return _cache.GetOrAdd((false, d1, d2, r), key => new Lazy<(double, double)>(() =>
        {
            var tangent = (double)r * (d1 + d2 - r);
            if (r == Math.Min(d1, d2)) return (tangent, tangent);
            return Pair(tangent, GaussianSpectra.SingularValues(d1 - r, d2 - r, SamplesFor(d1 - r, d2 - r), Seed), r);
        })).Value;
    }

    private (double Exact, double Bound) PsdPair(int d, int r)
    {
        Validate(d, d, r);
        return _cache.GetOrAdd((true, d, d, r), key => new Lazy<(double, double)>(() =>
        {
            var tangent = PsdTangentDimension(d, r);
            if (r == d) return (tangent, tangent);
            return Pair(tangent, GaussianSpectra.SymmetricEigenvalues(d - r, SamplesFor(d - r, d - r), Seed), r);
        })).Value;
    }

    private static (double Exact, double Bound) Pair(double tangent, SpectrumDraws draws, int r) =>
        (tangent + draws.ExpectedMinimum(r), tangent + draws.Pooled.Minimize(r).Value);

    /// <summary>
    /// Measurements above which the PSD constraint alone pins down a rank-r d x d PSD truth:
    /// r(r + 1)/2 + r(d - r) + (d - r)(d - r + 1)/4 (tangent space plus the statistical dimension
    /// n(n + 1)/4 of the PSD cone of the n = d - r complement).
    /// </summary>
    public static double PsdFeasibility(int d, int r)
    {
        Validate(d, d, r);
        var n = (double)(d - r);
        return PsdTangentDimension(d, r) + n * (n + 1) / 4;
    }

    /// <summary>Number of n1 x n2 draws averaged: ceil(budget / (n1 n2)) clamped to [MinSamples, MaxSamples].</summary>
    internal int SamplesFor(int n1, int n2) =>
        (int)Math.Clamp((EntryBudget + (long)n1 * n2 - 1) / ((long)n1 * n2), MinSamples, MaxSamples);

    /// <summary>r(r + 1)/2 + r(d - r): dimension of the tangent space of rank-r PSD matrices.</summary>
    private static double PsdTangentDimension(int d, int r) => r * (r + 1) / 2.0 + (double)r * (d - r);

    private static void Validate(int d1, int d2, int r)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(d1, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(d2, 1);
        if (r < 1 || r > Math.Min(d1, d2))
            throw new ArgumentOutOfRangeException(nameof(r), r,
                $"r: the rank must be between 1 and min(d1, d2) = {Math.Min(d1, d2)} (a rank-0 truth has no recovery threshold).");
    }
}
