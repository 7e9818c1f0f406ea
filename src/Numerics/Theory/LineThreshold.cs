namespace Sweeps.Numerics.Theory;

/// <summary>
/// The predicted 50% point in m of one grid line (transitions.csv <c>theory</c>; docs/SCIENCE.md sections 5 and 8), for
/// noiseless Gaussian sensing only: general-sensing and deep-factorization (Gaussian sensing of the product) give the
/// nuclear-norm statistical dimension for every method but gd-random-init (an arbitrary interpolant has no
/// threshold below d1 d2 there); symmetric-sensing gives the trace + PSD statistical dimension, and for
/// gd-random-init the PSD feasibility threshold (above it every PSD interpolant is the truth). Null elsewhere,
/// for noisy lines and for sizes that are missing or not whole.
/// </summary>
public static class LineThreshold
{
    public const string DeepFactorization = "deep-factorization", RandomInit = "gd-random-init";

    public static double? For(string problem, string method, IReadOnlyDictionary<string, double> parameters, StatisticalDimension? dimension = null)
    {
        dimension ??= StatisticalDimension.Default;
        if (Positive(parameters, ParameterNames.Noise) || Positive(parameters, ParameterNames.NoiseRelative))
            return null;
        var d = Whole(parameters, ParameterNames.D);
        var (d1, d2, r) = (Whole(parameters, ParameterNames.D1) ?? d, Whole(parameters, ParameterNames.D2) ?? d, Whole(parameters, ParameterNames.R));
        if (d1 is not { } n1 || d2 is not { } n2 || r is not { } rank || rank < 1 || rank > Math.Min(n1, n2))
            return null;
        return problem switch
        {
            ThresholdCurve.GeneralSensing or DeepFactorization when method != RandomInit => dimension.General(n1, n2, rank),
            ThresholdCurve.SymmetricSensing when n1 == n2 => method == RandomInit ? StatisticalDimension.PsdFeasibility(n1, rank) : dimension.SymmetricPsd(n1, rank),
            _ => null,
        };
    }

    private static bool Positive(IReadOnlyDictionary<string, double> parameters, string name) =>
        parameters.TryGetValue(name, out var value) && value > 0;

    private static int? Whole(IReadOnlyDictionary<string, double> parameters, string name) =>
        parameters.TryGetValue(name, out var value) && value == Math.Floor(value) && value >= 1 && value <= int.MaxValue ? (int)value : null;
}
