using Sweeps.Client.Specs;
using Sweeps.Numerics.Trials;

namespace Sweeps.Client.Tests.Specs;

/// <summary>
/// A catalog with the rules of a low-rank sensing family (r <= min(d1, d2), r <= k, 1 <= m <= d1 d2),
/// so the loader's per-cell validation can be tested while the real catalogs are filled elsewhere.
/// </summary>
internal static class ToyCatalog
{
    public static SpecCatalog Instance { get; } = new(["general-sensing", "bilinear-sensing"], ["flat-convex", "nuclear", "gd-small-init"], Validate);

    private static List<string> Validate(TrialParameters p)
    {
        var errors = new List<string>();
        if (p.R > Math.Min(p.D1, p.D2))
            errors.Add($"r: {p.R} is not allowed; it must be at most min(d1, d2) = {Math.Min(p.D1, p.D2)}.");
        if (p.K < p.R)
            errors.Add($"k: {p.K} is not allowed; it must be at least r = {p.R}.");
        if (p.M is not { } m || m < 1 || m > p.D1 * p.D2)
            errors.Add($"m: {p.M} is not allowed; it must be between 1 and d1 * d2 = {p.D1 * p.D2}.");
        return errors;
    }
}
