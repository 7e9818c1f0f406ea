namespace Sweeps.Numerics.Methods;

/// <summary>
/// The optimality check of a convex method's answer (SCIENCE.md section 7, docs/METHODS.md
/// "Certificates"): <see cref="DualityGap"/> is the measured relative gap
/// (primal value - value of a dual-feasible point) / max(primal value, tiny) at a primal point that
/// satisfies the constraints to <see cref="Tolerance"/>; <see cref="Certified"/> is true when the
/// gap and the primal residual are both at most <see cref="Tolerance"/>. Nonconvex methods have none.
/// </summary>
public sealed record Certificate(double DualityGap, double PrimalResidual, bool Certified)
{
    /// <summary>The relative tolerance on gap and residual.</summary>
    public const double Tolerance = 1e-9;

    public static Certificate Of(double primalValue, double dualValue, double primalResidual)
    {
        var gap = (primalValue - dualValue) / Math.Max(Math.Abs(primalValue), double.Epsilon);
        var certified = gap <= Tolerance && primalResidual <= Tolerance && double.IsFinite(gap);
        return new Certificate(gap, primalResidual, certified);
    }
}
