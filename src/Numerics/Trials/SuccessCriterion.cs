namespace Sweeps.Numerics.Trials;

/// <summary>
/// When a trial counts as a recovery: relative Frobenius error at most <see cref="Tolerance"/>,
/// or, when <see cref="RelativeToNoise"/> is set on a noisy problem, error at most c * sigma, sigma the
/// noise level as the spec gives it (<see cref="TrialParameters.NoiseLevel"/>: noise, or noise_relative).
/// </summary>
public sealed record SuccessCriterion(double Tolerance = 1e-3, double? RelativeToNoise = null)
{
    public bool IsSuccess(double relativeError, double noise) =>
        double.IsFinite(relativeError) &&
        (RelativeToNoise is { } c && noise > 0 ? relativeError <= c * noise : relativeError <= Tolerance);
}
