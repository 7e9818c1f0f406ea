using Sweeps.Numerics.Problems;

namespace Sweeps.Numerics.Methods;

/// <summary>
/// F(theta) = f(theta) + lambda * pen(theta), pen = the problem's flat penalty (tr Hess f on the
/// zero-loss set), as an optimizer objective. lambda = 0 is the plain loss (no penalty evaluated).
/// </summary>
internal sealed class PenalizedLoss(IFactorizedProblem problem)
{
    public double Lambda { get; set; }

    public double Evaluate(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        var loss = problem.LossAndGradient(theta, gradient);
        return Lambda == 0 ? loss : loss + Lambda * problem.AddFlatPenalty(theta, Lambda, gradient);
    }
}
