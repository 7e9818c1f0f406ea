using Sweeps.Numerics.Trials;

namespace Sweeps.Numerics.Convex;

/// <summary>
/// The outcome of a <see cref="TraceNormSolver"/> run: the low-rank iterate Y (in the weighted
/// variable), how the run ended, and the final relative primal and dual residuals.
/// </summary>
public sealed record TraceNormResult(
    LowRankMatrix Solution,
    TrialStatus Status,
    int Iterations,
    double PrimalResidual,
    double DualResidual,
    string? Reason);
