namespace Sweeps.Numerics.Optimization;

/// <summary>
/// The step off a saddle along a unit direction of negative curvature: among ||x|| 2^-i, i = 0..<see cref="Halvings"/>,
/// the step of least F, taken when it lowers F.
/// </summary>
internal static class SaddleEscape
{
    public const int Halvings = 40;

    /// <summary>True when some step lowered F (x moved); <paramref name="evaluations"/> counts the evaluations of F.</summary>
    public static bool Step(Objective objective, Span<double> x, ReadOnlySpan<double> direction, ref int evaluations)
    {
        var n = x.Length;
        var scratch = new double[n];
        var trial = new double[n];
        var best = objective(x, scratch);
        var bestStep = 0.0;
        var step = Kernels.Norm(x);
        for (var i = 0; i <= Halvings; i++, step /= 2)
        {
            x.CopyTo(trial);
            Kernels.Axpy(step, direction, trial);
            var f = objective(trial, scratch);
            if (f < best) (best, bestStep) = (f, step);
        }
        evaluations += Halvings + 2;
        if (bestStep == 0) return false;
        Kernels.Axpy(bestStep, direction, x);
        return true;
    }
}
