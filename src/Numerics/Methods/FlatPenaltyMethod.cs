using Sweeps.Numerics.Optimization;

namespace Sweeps.Numerics.Methods;

/// <summary>
/// flat-penalty (docs/SCIENCE.md 3.3): L-BFGS on F = f + lambda * pen, pen = tr Hess f on the zero-loss
/// set (a weighted weight decay), with lambda continued geometrically down to a floor along a
/// <see cref="Continuation"/>, each stage warm-started from the previous one. Noiseless problems: the
/// floor is 0 and the last stage stops by <see cref="ZeroLossRule"/>. Noisy matrix sensing: the floor is
/// <see cref="NoiseFloor"/>'s lambda_sigma (weighted-nuclear-norm regularized least squares) and the last
/// stage stops at relative gradient tolerance <see cref="FloorTolerance"/>. Starts from a Gaussian point of scale <c>alpha</c> (Init stream).
/// The first lambda is <c>lambda</c> when given (an absolute weight), else
/// <see cref="DefaultStartScale"/> * f(0) / w with w = pen(theta0) / ||theta0||^2, the penalty's weight
/// per unit squared parameter norm: this matches the penalty to the loss whatever the dimension.
/// (A first weight above about 2 f(0) / w makes 0 the minimizer of the first stage: the factors
/// collapse, and the later stages restart from near 0, as from a small initialization.)
/// </summary>
public sealed class FlatPenaltyMethod() : Method(MethodName, [ParameterNames.Lambda, ParameterNames.Alpha, ParameterNames.MaxIters])
{
    public const string MethodName = "flat-penalty";
    public const double DefaultStartScale = 0.5;
    public const double DefaultAlpha = 1.0;
    public const int DefaultMaxIters = 5000;

    /// <summary>
    /// Relative gradient tolerance of the last stage on a noisy problem, where F = f + lambda_sigma pen has a
    /// positive minimum and the zero-loss rule does not apply.
    /// </summary>
    public const double FloorTolerance = 1e-7;

    public override Solution Solve(IFactorizedProblem problem, MethodParameters parameters, TrialSeed seed, CancellationToken cancellation)
    {
        var remaining = parameters.MaxIters ?? DefaultMaxIters;
        var theta = StartingPoint.Draw(problem, seed, parameters.Alpha ?? DefaultAlpha);
        var schedule = new Continuation(parameters.Lambda ?? DefaultStart(problem, theta), Floor: NoiseFloor.For(problem, seed));

        var loss = new PenalizedLoss(problem);
        Objective objective = loss.Evaluate;
        var lbfgs = new Lbfgs(problem.ParameterCount);
        var iterations = 0;
        foreach (var (lambda, tolerance) in schedule.Stages())
        {
            loss.Lambda = lambda;
            var result = lbfgs.Minimize(objective, theta, new StoppingRule(remaining, tolerance), cancellation);
            iterations += result.Iterations;
            remaining -= result.Iterations;
            if (result.Status == TrialStatus.Diverged)
                return new Solution(theta, result.Status, iterations, $"lambda = {lambda:G3}: {result.Reason}");
            if (remaining <= 0)
                return new Solution(theta, TrialStatus.IterationLimit, iterations, $"iteration cap reached at lambda = {lambda:G3}, before the last stage");
        }

        loss.Lambda = schedule.Floor;
        var lastRule = schedule.Floor > 0 ? new StoppingRule(remaining, FloorTolerance) : ZeroLossRule.For(problem, remaining);
        var last = lbfgs.Minimize(objective, theta, lastRule, cancellation);
        return new Solution(theta, last.Status, iterations + last.Iterations, last.Reason is null ? null : $"last stage: {last.Reason}");
    }

    /// <summary>
    /// <see cref="DefaultStartScale"/> * f(0) / w, w = pen(theta0) / ||theta0||^2; 0 (no penalized
    /// stages) when the penalty vanishes at theta0, where no scale can be read off.
    /// </summary>
    private static double DefaultStart(IFactorizedProblem problem, double[] theta0)
    {
        var zero = new double[theta0.Length];
        var weight = problem.AddFlatPenalty(theta0, 0, zero) / Kernels.SumOfSquares(theta0);
        return weight > 0 ? DefaultStartScale * problem.Loss(zero) / weight : 0;
    }
}
