using Sweeps.Numerics.Optimization;

namespace Sweeps.Numerics.Methods;

/// <summary>
/// gd-small-init (docs/SCIENCE.md 3.4): plain gradient descent on f from a Gaussian start of scale <c>alpha</c>
/// (default 1e-3): the implicit-bias baseline. With <c>step</c> given, every step has that size; without it the
/// step backtracks (<see cref="GradientDescent.MinimizeBacktracking"/>, from the problem's suggested step ~ 1/L),
/// because the fixed 1/L is set by the curvature at the truth's scale and is far too small while the iterate
/// is still leaving the small-initialization saddle and along the flat directions near the end.
/// Stops by <see cref="ZeroLossRule"/>, finished by the <see cref="RankPolish"/>.
/// </summary>
public sealed class GradientDescentSmallInitMethod() : Method(MethodName, [ParameterNames.Alpha, ParameterNames.Step, ParameterNames.MaxIters])
{
    public const string MethodName = "gd-small-init";
    public const double DefaultAlpha = 1e-3;
    public const int DefaultMaxIters = 20000;

    public override Solution Solve(IFactorizedProblem problem, MethodParameters parameters, TrialSeed seed, CancellationToken cancellation)
    {
        var theta = StartingPoint.Draw(problem, seed, parameters.Alpha ?? DefaultAlpha);
        var descent = new GradientDescent(problem.ParameterCount);
        var rule = ZeroLossRule.For(problem, parameters.MaxIters ?? DefaultMaxIters);
        return RankPolish.Minimize(problem, theta, rule, (segment, resume) => parameters.Step is { } step
            ? descent.Minimize(problem.LossAndGradient, theta, step, segment, cancellation)
            : descent.MinimizeBacktracking(problem.LossAndGradient, theta, resume ? descent.NextStep : problem.SuggestedStep, segment, cancellation), cancellation);
    }
}
