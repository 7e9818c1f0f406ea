namespace Sweeps.Numerics.Methods;

/// <summary>
/// F(theta) = f(theta) + lambda * pen(theta), pen = the problem's flat penalty (tr Hess f on the
/// zero-loss set), as an optimizer objective. lambda = 0 is the plain loss (no penalty evaluated);
/// a problem that can fuse the two terms (<see cref="IFusedFlatPenalty"/>) evaluates them together.
/// </summary>
internal sealed class PenalizedLoss(IFactorizedProblem problem)
{
    private readonly IFusedFlatPenalty? _fused = problem as IFusedFlatPenalty;

    public double Lambda { get; set; }

    public double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        if (_fused is not null && Lambda != 0)
            return _fused.PenalizedLossAndGradient(theta, Lambda, gradient);
        var loss = problem.LossAndGradient(theta, gradient);
        return Lambda == 0 ? loss : loss + Lambda * problem.AddFlatPenalty(theta, Lambda, gradient);
    }
}
