using Sweeps.Numerics.Optimization;

namespace Sweeps.Numerics.Methods;

/// <summary>
/// The stopping rule of the nonconvex methods on the plain loss f: converged when
/// f &lt;= 1e-20 f(0) (f(0) = ||b||^2 / m, the loss of the zero model; noiseless problems reach zero
/// loss) or ||grad f|| &lt;= 1e-10 max(1, f) (a stationary point). The floor was 1e-14 f(0) until issue #12: a relative
/// error near 1e-7 at the stop let the verdict at tolerance 1e-6 depend on where the iteration stopped.
/// </summary>
internal static class ZeroLossRule
{
    public const double RelativeLossFloor = 1e-20;
    public const double GradientTolerance = 1e-10;

    /// <summary>f(0), from a rule made by <see cref="For"/>.</summary>
    public static double ZeroModelLoss(StoppingRule rule) => rule.ValueFloor / RelativeLossFloor;

    public static StoppingRule For(IFactorizedProblem problem, int maxIterations) =>
        new(maxIterations, GradientTolerance, RelativeLossFloor * problem.Loss(new double[problem.ParameterCount]));
}
