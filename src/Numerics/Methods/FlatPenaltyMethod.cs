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
/// On a problem with a convex lift (symmetric sensing) the stages escape saddles and the last stage starts from the
/// truncated factor (<see cref="StageRun"/>, docs/METHODS.md "Saddle escapes").
/// </summary>
public sealed class FlatPenaltyMethod() : Method(MethodName, [ParameterNames.Lambda, ParameterNames.Alpha, ParameterNames.MaxIters])
{
    public const string MethodName = "flat-penalty";
    public const double DefaultStartScale = 0.5;
    public const double DefaultAlpha = 1.0;
    public const int DefaultMaxIters = 20000;

    /// <summary>Saddle escapes per penalized stage (each adds about one column the stage's minimizer needs).</summary>
    public const int MaxEscapes = 30;

    /// <summary>A saddle: the convex optimality condition fails by more than this, relative (<see cref="IConvexLift"/>).</summary>
    public const double EscapeTolerance = 1e-6;

    /// <summary>
    /// A stage is certified (<see cref="IConvexLift"/>) once ||grad F|| &lt;= this times lambda ||grad pen||: on the
    /// penalty's own scale, since max(1, |F|) is about 1 while the penalty's gradient is of order lambda.
    /// </summary>
    public const double CertifyTolerance = 1e-3;

    /// <summary>
    /// After escapes, factor components below this fraction of the largest singular value are dropped before the
    /// last stage: the penalized minimizer X_lambda = X* + O(lambda) carries eigenvalues of order lambda that vanish
    /// as lambda -&gt; 0, and left in they make the unpenalized last stage crawl (an ill-conditioned factor).
    /// </summary>
    public const double TruncationLevel = 3e-2;

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
        var run = new StageRun(problem, objective, new Lbfgs(problem.ParameterCount), remaining, cancellation);
        foreach (var (lambda, tolerance) in schedule.Stages())
        {
            loss.Lambda = lambda;
            if (run.Minimize(theta, lambda, tolerance) is { } stopped) return stopped;
        }

        if (run.Escapes > 0) run.Lift?.Truncate(theta, TruncationLevel);
        loss.Lambda = schedule.Floor;
        var lastRule = schedule.Floor > 0 ? new StoppingRule(run.Remaining, FloorTolerance) : ZeroLossRule.For(problem, run.Remaining);
        var last = run.Lbfgs.Minimize(objective, theta, lastRule, cancellation);
        return new Solution(theta, last.Status, run.Iterations + last.Iterations, last.Reason is null ? null : $"last stage: {last.Reason}");
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
