namespace Sweeps.Numerics.Optimization;

/// <summary>
/// How a minimization ended: status (Converged, IterationLimit or Diverged, never InvalidInstance),
/// steps taken, objective evaluations, the final F and ||grad F||, and a reason when it did not converge.
/// </summary>
public readonly record struct OptimizationResult(
    TrialStatus Status,
    int Iterations,
    int Evaluations,
    double Value,
    double GradientNorm,
    string? Reason);
