namespace Sweeps.Numerics.Methods;

/// <summary>
/// The lambda schedule of flat-penalty: <see cref="Count"/> stages lambda_j = Start * Ratio^j, then a
/// last stage at <see cref="Floor"/>. The first stage ends at relative gradient tolerance
/// <see cref="FirstTolerance"/>, later ones at <see cref="Tolerance"/> (measured on symmetric sensing:
/// a loose first stage leaves extra factor columns alive and the lambda = 0 stage then crawls; 1e-5
/// halves the mean cost of 1e-4 at d = 20, m = 80, and 1e-3 is ten times slower). Later stages only warm-start the
/// next one: 1e-5 there instead of 1e-6 saves about 5% of the evaluations at (d, m) = (20, 80), (30, 150), (50, 300),
/// (50, 500) with the same recoveries (10 to 20 seeds each). Noiseless problems use Floor = 0: the last stage minimizes f alone from
/// the warm start and lands on the zero-loss point next to the flat one.
/// Hook for noisy problems: set Floor to a weight tied to sigma (the paper's regime is weighted
/// nuclear-norm regularized least squares, lambda ~ sigma); the method then stops there.
/// </summary>
internal sealed record Continuation(double Start, double Ratio = 1e-3, int Count = 2, double Floor = 0)
{
    public const double FirstTolerance = 1e-5;
    public const double Tolerance = 1e-5;

    /// <summary>(lambda, relative gradient tolerance) of the stages before the last one, all above <see cref="Floor"/>.</summary>
    public IEnumerable<(double Lambda, double Tolerance)> Stages()
    {
        var lambda = Start;
        for (var j = 0; j < Count && lambda > Floor; j++, lambda *= Ratio)
            yield return (lambda, j == 0 ? FirstTolerance : Tolerance);
    }
}
