using Sweeps.Numerics.Optimization;

namespace Sweeps.Numerics.Methods;

/// <summary>
/// gd-random-init (docs/SCIENCE.md 3.6): L-BFGS on f alone from an O(1) Gaussian start (scale <c>alpha</c>,
/// default 1): "some" zero-loss minimizer, with no bias toward flat ones. Stops by <see cref="ZeroLossRule"/>, finished by the <see cref="RankPolish"/>.
/// </summary>
public sealed class RandomInitLbfgsMethod() : Method(MethodName, [ParameterNames.Alpha, ParameterNames.MaxIters])
{
    public const string MethodName = "gd-random-init";
    public const double DefaultAlpha = 1.0;
    public const int DefaultMaxIters = 20000;

    public override Solution Solve(IFactorizedProblem problem, MethodParameters parameters, TrialSeed seed, CancellationToken cancellation)
    {
        var theta = StartingPoint.Draw(problem, seed, parameters.Alpha ?? DefaultAlpha);
        var rule = ZeroLossRule.For(problem, parameters.MaxIters ?? DefaultMaxIters);
        var lbfgs = new Lbfgs(problem.ParameterCount);
        return RankPolish.Minimize(problem, theta, rule, (segment, resume) => resume
            ? lbfgs.Resume(problem.LossAndGradient, theta, segment, cancellation)
            : lbfgs.Minimize(problem.LossAndGradient, theta, segment, cancellation), cancellation);
    }
}
