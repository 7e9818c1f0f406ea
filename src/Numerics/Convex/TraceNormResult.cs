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
    string? Reason)
{
    /// <summary>The measured duality gap at Z (<see cref="TraceNormCertificate"/>); not certified when the run diverged.</summary>
    public Methods.Certificate? Certificate { get; init; }

    /// <summary>The solver's multiplier G = rho U (<see cref="AdmmOutcome.Multiplier"/>) the certificate was built from.</summary>
    internal double[]? Multiplier { get; init; }
}
