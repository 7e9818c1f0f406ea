namespace Sweeps.Numerics.Optimization;

/// <summary>
/// Gradient descent x+ = x - t_k grad F(x), with a fixed step t_k = step (<see cref="Minimize"/>) or a
/// backtracking step (<see cref="MinimizeBacktracking"/>). Every step is along -grad F: no momentum, no
/// curvature model, so the implicit bias of gradient descent is kept. Holds its buffers, so neither
/// variant allocates per iteration; one instance serves one thread.
/// </summary>
public sealed class GradientDescent(int dimension)
{
    /// <summary>Armijo constant c of the backtracking test F(x - t g) &lt;= F(x) - c t ||g||^2.</summary>
    public const double SufficientDecrease = 0.5;

    /// <summary>Factor applied to t after an accepted backtracking step (a rejected one halves t).</summary>
    public const double StepGrowth = 1.2;

    private double[] _g = new double[dimension];
    private double[] _trialGradient = new double[dimension];
    private readonly double[] _trial = new double[dimension];

    public int Dimension => _g.Length;

    /// <summary>The step the last backtracking run would have tried next: where a paused run resumes.</summary>
    public double NextStep { get; private set; }

    /// <summary>
    /// Fixed step. Runs from <paramref name="x"/> (overwritten with the last iterate) until the rule stops it. A step
    /// too large shows up as F or grad F turning non-finite or |F| leaving the rule's bound: Diverged, never an exception.
    /// Convergence counts only at points with F &lt;= F(x0).
    /// </summary>
    public OptimizationResult Minimize(Objective objective, Span<double> x, double step, StoppingRule rule, CancellationToken cancellation = default) =>
        Run(objective, x, step, backtracking: false, rule, cancellation);

    /// <summary>
    /// Backtracking step, starting at <paramref name="initialStep"/>: t is halved until
    /// F(x - t g) &lt;= F(x) - (1/2) t ||g||^2 (a non-finite trial value is rejected too), the step is taken, and
    /// the next iteration starts from 1.2 t. F never increases, so the steps stay as large as the local curvature
    /// along -grad F allows (about 1 / (g^T H g / ||g||^2)) and no larger. When even a step that changes no
    /// coordinate of x fails the test, the run ends with IterationLimit (no decrease at floating-point precision).
    /// </summary>
    public OptimizationResult MinimizeBacktracking(Objective objective, Span<double> x, double initialStep, StoppingRule rule, CancellationToken cancellation = default) =>
        Run(objective, x, initialStep, backtracking: true, rule, cancellation);

    private OptimizationResult Run(Objective objective, Span<double> x, double step, bool backtracking, StoppingRule rule, CancellationToken cancellation)
    {
        if (x.Length != Dimension)
            throw new ArgumentException($"x has length {x.Length}; this gradient descent was built for {Dimension}.", nameof(x));
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(step);
        NextStep = step;
        var f = objective(x, _g);
        var evaluations = 1;
        var startValue = f;
        var steps = backtracking ? "backtracking steps" : $"steps of size {step:G3}";
        for (var iteration = 0; ; iteration++)
        {
            var gradientNorm = Kernels.Norm(_g);
            if (!double.IsFinite(f) || !double.IsFinite(gradientNorm))
                return new(TrialStatus.Diverged, iteration, evaluations, f, gradientNorm, $"non-finite objective or gradient after {iteration} {steps}");
            if (iteration > 0 && rule.IsDiverging(f, startValue))
                return new(TrialStatus.Diverged, iteration, evaluations, f, gradientNorm, $"|F| = {Math.Abs(f):G3} left the bound {rule.DivergenceFactor:G3} * max(1, |F(x0)|) after {iteration} {steps}");
            // A relative gradient test alone would pass on a blow-up (||g|| ~ sqrt F on a quadratic): demand descent.
            if (f <= startValue && rule.IsConverged(f, gradientNorm))
                return new(TrialStatus.Converged, iteration, evaluations, f, gradientNorm, null);
            if (iteration >= rule.MaxIterations)
                return new(TrialStatus.IterationLimit, iteration, evaluations, f, gradientNorm, $"iteration cap {rule.MaxIterations} reached");
            cancellation.ThrowIfCancellationRequested();
            if (!backtracking)
            {
                Kernels.Axpy(-step, _g, x);
                f = objective(x, _g);
                evaluations++;
                continue;
            }

            var squaredNorm = gradientNorm * gradientNorm;
            while (true)
            {
                x.CopyTo(_trial);
                Kernels.Axpy(-step, _g, _trial);
                if (x.SequenceEqual(_trial))
                    return new(TrialStatus.IterationLimit, iteration, evaluations, f, gradientNorm,
                        $"no decrease along -grad F at floating-point precision after {iteration} {steps}");
                var trialValue = objective(_trial, _trialGradient);
                evaluations++;
                if (trialValue <= f - SufficientDecrease * step * squaredNorm)
                {
                    f = trialValue;
                    break;
                }
                step /= 2;
            }
            _trial.CopyTo(x);
            (_g, _trialGradient) = (_trialGradient, _g);
            step *= StepGrowth;
            NextStep = step;
        }
    }
}
