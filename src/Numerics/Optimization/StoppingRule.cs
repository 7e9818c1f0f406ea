namespace Sweeps.Numerics.Optimization;

/// <summary>
/// When an optimizer stops. Converged: ||grad F|| &lt;= <see cref="GradientTolerance"/> * max(1, |F|),
/// or F &lt;= <see cref="ValueFloor"/> (an absolute floor, for objectives whose minimum is 0).
/// IterationLimit: <see cref="MaxIterations"/> steps taken. Diverged: F or grad F non-finite, or
/// |F| &gt; <see cref="DivergenceFactor"/> * max(1, |F(x0)|).
/// </summary>
public sealed record StoppingRule(
    int MaxIterations,
    double GradientTolerance = 1e-8,
    double ValueFloor = double.NegativeInfinity,
    double DivergenceFactor = 1e30)
{
    /// <summary>The convergence test at a point with value <paramref name="value"/> and gradient norm <paramref name="gradientNorm"/>.</summary>
    public bool IsConverged(double value, double gradientNorm) =>
        value <= ValueFloor || gradientNorm <= GradientTolerance * Math.Max(1.0, Math.Abs(value));

    /// <summary>True when a finite <paramref name="value"/> has left the bound set by the starting value.</summary>
    public bool IsDiverging(double value, double startValue) =>
        Math.Abs(value) > DivergenceFactor * Math.Max(1.0, Math.Abs(startValue));
}
