namespace Sweeps.Numerics.Problems.Sensing;

/// <summary>
/// A problem that evaluates the flat-penalty objective F = f + lambda pen and grad F in one go, cheaper
/// than <see cref="IFactorizedProblem.LossAndGradient"/> followed by <see cref="IFactorizedProblem.AddFlatPenalty"/>
/// (for example by sharing the model and the final factor product between the two terms).
/// </summary>
internal interface IFusedFlatPenalty
{
    /// <summary>Returns f(theta) + lambda pen(theta) and overwrites <paramref name="gradient"/> with its gradient.</summary>
    double PenalizedLossAndGradient(ReadOnlySpan<double> theta, double lambda, Span<double> gradient);
}
