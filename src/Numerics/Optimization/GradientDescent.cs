using Sweeps.Numerics.LinearAlgebra;
using Sweeps.Numerics.Trials;

namespace Sweeps.Numerics.Optimization;

/// <summary>
/// Gradient descent with a fixed step: x+ = x - step * grad F(x). No line search, on purpose: it is
/// the implicit-bias baseline, whose behaviour depends on the step. Holds its gradient buffer, so
/// <see cref="Minimize"/> allocates nothing per iteration; one instance serves one thread.
/// </summary>
public sealed class GradientDescent(int dimension)
{
    private readonly double[] _g = new double[dimension];

    public int Dimension => _g.Length;

    /// <summary>
    /// Runs from <paramref name="x"/> (overwritten with the last iterate) until the rule stops it. A step
    /// too large shows up as F or grad F turning non-finite or |F| leaving the rule's bound: Diverged, never an exception.
    /// Convergence counts only at points with F &lt;= F(x0).
    /// </summary>
    public OptimizationResult Minimize(Objective objective, Span<double> x, double step, StoppingRule rule, CancellationToken cancellation = default)
    {
        if (x.Length != Dimension)
            throw new ArgumentException($"x has length {x.Length}; this gradient descent was built for {Dimension}.", nameof(x));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(step);
        var startValue = double.NaN;
        for (var iteration = 0; ; iteration++)
        {
            var f = objective(x, _g);
            var gradientNorm = Kernels.Norm(_g);
            if (!double.IsFinite(f) || !double.IsFinite(gradientNorm))
                return new(TrialStatus.Diverged, iteration, iteration + 1, f, gradientNorm, $"non-finite objective or gradient after {iteration} steps of size {step:G3}");
            if (iteration == 0)
                startValue = f;
            else if (rule.IsDiverging(f, startValue))
                return new(TrialStatus.Diverged, iteration, iteration + 1, f, gradientNorm, $"|F| = {Math.Abs(f):G3} left the bound {rule.DivergenceFactor:G3} * max(1, |F(x0)|) after {iteration} steps of size {step:G3}");
            // A relative gradient test alone would pass on a blow-up (||g|| ~ sqrt F on a quadratic): demand descent.
            if (f <= startValue && rule.IsConverged(f, gradientNorm))
                return new(TrialStatus.Converged, iteration, iteration + 1, f, gradientNorm, null);
            if (iteration >= rule.MaxIterations)
                return new(TrialStatus.IterationLimit, iteration, iteration + 1, f, gradientNorm, $"iteration cap {rule.MaxIterations} reached");
            cancellation.ThrowIfCancellationRequested();
            Kernels.Axpy(-step, _g, x);
        }
    }
}
