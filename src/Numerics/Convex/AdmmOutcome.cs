namespace Sweeps.Numerics.Convex;

/// <summary>
/// How an <see cref="AffineAdmm"/> run ended, with its final relative primal and dual residuals and the
/// unscaled multiplier G = rho U, a subgradient of g at the last Z (null when the run ended at Z = 0 before iterating).
/// </summary>
internal sealed record AdmmOutcome(TrialStatus Status, int Iterations, double PrimalResidual, double DualResidual, string? Reason, double[]? Multiplier = null)
{
    /// <summary>The caller's stop check ended the run (<see cref="AffineAdmm.Stop"/>), not the residual test.</summary>
    public bool Stopped { get; init; }
}
