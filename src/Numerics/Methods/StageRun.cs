using Sweeps.Numerics.Optimization;

namespace Sweeps.Numerics.Methods;

/// <summary>
/// The penalized stages of flat-penalty, sharing one L-BFGS and one iteration budget. A stage minimizes F at its
/// lambda; on a problem that is the Burer-Monteiro form of a convex program (<see cref="IConvexLift"/>) it then
/// refines to <see cref="FlatPenaltyMethod.CertifyTolerance"/>, checks the convex optimality condition, and while
/// theta is a saddle steps off it along the certificate's direction and minimizes again (at most
/// <see cref="FlatPenaltyMethod.MaxEscapes"/> times). Without this the iteration keeps the rank a larger lambda left
/// it and lands on a low-rank interpolant, not the flattest one (issue #12 point 5).
/// </summary>
internal sealed class StageRun(IFactorizedProblem problem, Objective objective, Lbfgs lbfgs, int budget, CancellationToken cancellation)
{
    private readonly double[] _direction = new double[problem.ParameterCount];
    private readonly double[] _scratch = new double[problem.ParameterCount];

    public IConvexLift? Lift { get; } = problem as IConvexLift;

    public Lbfgs Lbfgs => lbfgs;

    public int Remaining { get; private set; } = budget;

    public int Iterations { get; private set; }

    /// <summary>Saddle escapes taken so far, over all stages.</summary>
    public int Escapes { get; private set; }

    /// <summary>Null when the stage ended normally; else the trial's solution (diverged, or the budget used up).</summary>
    public Solution? Minimize(double[] theta, double lambda, double tolerance)
    {
        for (var escape = 0; ; escape++)
        {
            if (Run(theta, lambda, tolerance) is { } stopped) return stopped;
            if (Lift is null || escape == FlatPenaltyMethod.MaxEscapes) return null;
            Array.Clear(_scratch);
            problem.AddFlatPenalty(theta, 1, _scratch);
            var penaltyGradient = Kernels.Norm(_scratch);
            var certify = FlatPenaltyMethod.CertifyTolerance * lambda * penaltyGradient / Math.Max(1, Math.Abs(objective(theta, _scratch)));
            if (Run(theta, lambda, certify) is { } late) return late;
            if (!Lift.TryEscapeDirection(theta, lambda, FlatPenaltyMethod.EscapeTolerance, _direction)) return null;
            var evaluations = 0;
            if (!SaddleEscape.Step(objective, theta, _direction, ref evaluations)) return null;
            Escapes++;
        }
    }

    private Solution? Run(double[] theta, double lambda, double tolerance)
    {
        var result = lbfgs.Minimize(objective, theta, new StoppingRule(Remaining, tolerance), cancellation);
        Iterations += result.Iterations;
        Remaining -= result.Iterations;
        if (result.Status == TrialStatus.Diverged)
            return new Solution(theta, result.Status, Iterations, $"lambda = {lambda:G3}: {result.Reason}");
        if (Remaining <= 0)
            return new Solution(theta, TrialStatus.IterationLimit, Iterations, $"iteration cap reached at lambda = {lambda:G3}, before the last stage");
        return null;
    }
}
