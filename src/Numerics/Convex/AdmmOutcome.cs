using Sweeps.Numerics.Trials;

namespace Sweeps.Numerics.Convex;

/// <summary>How an <see cref="AffineAdmm"/> run ended, with its final relative primal and dual residuals.</summary>
internal sealed record AdmmOutcome(TrialStatus Status, int Iterations, double PrimalResidual, double DualResidual, string? Reason);
