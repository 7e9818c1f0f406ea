using Sweeps.Numerics.Optimization;
using Sweeps.Numerics.Problems;
using Sweeps.Numerics.Random;
using Sweeps.Numerics.Trials;

namespace Sweeps.Numerics.Methods;

/// <summary>
/// gd-small-init (SCIENCE.md 3.4): plain gradient descent on f with a fixed step (<c>step</c>, or the
/// problem's suggested step ~ 1/L) from a Gaussian start of scale <c>alpha</c> (default 1e-3): the
/// implicit-bias baseline. Stops by <see cref="ZeroLossRule"/>.
/// </summary>
public sealed class GradientDescentSmallInitMethod : IMethod
{
    public const string MethodName = "gd-small-init";
    public const double DefaultAlpha = 1e-3;
    public const int DefaultMaxIters = 20000;

    public string Name => MethodName;

    public IReadOnlyList<string> Validate(MethodParameters parameters) =>
        MethodParameterRules.Validate(MethodName, parameters, ParameterNames.Alpha, ParameterNames.Step, ParameterNames.MaxIters);

    public Solution Solve(IFactorizedProblem problem, MethodParameters parameters, TrialSeed seed, CancellationToken cancellation)
    {
        var theta = StartingPoint.Draw(problem, seed, parameters.Alpha ?? DefaultAlpha);
        var result = new GradientDescent(problem.ParameterCount).Minimize(
            problem.LossAndGradient, theta, parameters.Step ?? problem.SuggestedStep,
            ZeroLossRule.For(problem, parameters.MaxIters ?? DefaultMaxIters), cancellation);
        return new Solution(theta, result.Status, result.Iterations, result.Reason);
    }
}
