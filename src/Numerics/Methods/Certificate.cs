namespace Sweeps.Numerics.Methods;

/// <summary>
/// The optimality check of a convex method's answer (docs/SCIENCE.md section 7, docs/METHODS.md
/// "Certificates"): <see cref="DualityGap"/> is the measured relative gap
/// (primal value - value of a dual-feasible point) / max(|primal value|, tiny) at the primal point,
/// whose relative constraint residual is <see cref="PrimalResidual"/>; <see cref="Certified"/> is
/// true when both are at most <see cref="Tolerance"/>, the family's stated tolerance (an exact LP:
/// <see cref="ExactTolerance"/>; a first-order solver stopped at relative residuals 1e-9:
/// <see cref="FirstOrderTolerance"/>). A noiseless trial may instead end with <see cref="RefutesTruth"/>: a feasible
/// point beats the truth's objective (<c>Convex/TruthRefutation</c>), which certifies the failure verdict without a gap.
/// Nonconvex methods have none.
/// </summary>
public sealed record Certificate(double DualityGap, double PrimalResidual, double Tolerance)
{
    public const double ExactTolerance = 1e-9, FirstOrderTolerance = 1e-7;

    /// <summary>No certificate could be measured (the solver diverged or failed).</summary>
    public static Certificate None { get; } = new(double.NaN, double.NaN, ExactTolerance);

    /// <summary>A feasible point with a smaller objective than the truth's was found: the truth is not the minimizer.</summary>
    public bool RefutesTruth { get; init; }

    public bool Certified => RefutesTruth || (DualityGap <= Tolerance && PrimalResidual <= Tolerance);

    /// <summary>The certificate of a failure verdict by <see cref="RefutesTruth"/> (no duality gap is measured).</summary>
    public static Certificate Refutation { get; } = new(double.NaN, 0, FirstOrderTolerance) { RefutesTruth = true };

    public static Certificate Of(double primalValue, double dualValue, double primalResidual, double tolerance) =>
        new((primalValue - dualValue) / Math.Max(Math.Abs(primalValue), double.Epsilon), primalResidual, tolerance);
}
