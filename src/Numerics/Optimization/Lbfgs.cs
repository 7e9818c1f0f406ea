namespace Sweeps.Numerics.Optimization;

/// <summary>
/// Limited-memory BFGS (Nocedal and Wright, Numerical Optimization, alg. 7.4-7.5): the direction
/// d = -H g comes from the two-loop recursion over the last <c>memory</c> pairs
/// s = x+ - x, y = g+ - g, with H0 = (s^T y / y^T y) I; the step satisfies the strong Wolfe conditions
/// F(x + t d) &lt;= F(x) + c1 t g^T d and |g(x + t d)^T d| &lt;= c2 |g^T d| (c1 = 1e-4, c2 = 0.9),
/// found by bracketing and safeguarded cubic zoom (alg. 3.5-3.6). A pair with s^T y &lt;= eps y^T y is
/// skipped, which keeps H positive definite. Holds all its arrays, so <see cref="Minimize"/> allocates
/// nothing per iteration; one instance serves one thread.
/// </summary>
public sealed class Lbfgs
{
    private const double SufficientDecrease = 1e-4;
    private const double CurvatureCondition = 0.9;
    private const int MaxBracketSteps = 30;
    private const int MaxZoomSteps = 30;
    private const double BracketGrowth = 4.0;

    private readonly int _memory;
    private readonly double[][] _s;
    private readonly double[][] _y;
    private readonly double[] _rho;
    private readonly double[] _alpha;
    private readonly double[] _g;
    private readonly double[] _d;
    private readonly double[] _xt;
    private readonly double[] _gt;
    private int _count;
    private int _newest;
    private int _evaluations;

    /// <param name="dimension">n, the length of x.</param>
    /// <param name="memory">How many (s, y) pairs approximate the inverse Hessian.</param>
    public Lbfgs(int dimension, int memory = 10)
    {
        ArgumentOutOfRangeException.ThrowIfLessThan(dimension, 1);
        ArgumentOutOfRangeException.ThrowIfLessThan(memory, 1);
        Dimension = dimension;
        _memory = memory;
        _s = new double[memory][];
        _y = new double[memory][];
        for (var i = 0; i < memory; i++)
        {
            _s[i] = new double[dimension];
            _y[i] = new double[dimension];
        }
        _rho = new double[memory];
        _alpha = new double[memory];
        _g = new double[dimension];
        _d = new double[dimension];
        _xt = new double[dimension];
        _gt = new double[dimension];
    }

    public int Dimension { get; }

    /// <summary>
    /// Minimizes F from <paramref name="x"/>, which holds the last accepted iterate on return. Never throws
    /// for a hard objective: a non-finite F or gradient at the start, or |F| growing past the rule's bound,
    /// is reported as Diverged; a line search that can no longer decrease F along -grad F (the
    /// limit of floating point) as IterationLimit with that reason.
    /// </summary>
    public OptimizationResult Minimize(Objective objective, Span<double> x, StoppingRule rule, CancellationToken cancellation = default) =>
        Run(objective, x, rule, resume: false, cancellation);

    /// <summary>
    /// <see cref="Minimize"/> from where the previous call left x, keeping its curvature pairs: a run paused by its rule
    /// (a value floor used as a checkpoint) continues on the same path.
    /// </summary>
    public OptimizationResult Resume(Objective objective, Span<double> x, StoppingRule rule, CancellationToken cancellation = default) =>
        Run(objective, x, rule, resume: true, cancellation);

    private OptimizationResult Run(Objective objective, Span<double> x, StoppingRule rule, bool resume, CancellationToken cancellation)
    {
        if (x.Length != Dimension)
            throw new ArgumentException($"x has length {x.Length}; this L-BFGS was built for {Dimension}.", nameof(x));
        if (!resume)
        {
            _count = 0;
            _newest = 0;
        }
        _evaluations = 1;
        var f = objective(x, _g);
        var gradientNorm = Kernels.Norm(_g);
        if (!double.IsFinite(f) || !double.IsFinite(gradientNorm))
            return End(TrialStatus.Diverged, 0, f, gradientNorm, "non-finite objective or gradient at the starting point");
        var startValue = f;

        for (var iteration = 0; ; iteration++)
        {
            if (rule.IsConverged(f, gradientNorm))
                return End(TrialStatus.Converged, iteration, f, gradientNorm, null);
            if (iteration >= rule.MaxIterations)
                return End(TrialStatus.IterationLimit, iteration, f, gradientNorm, $"iteration cap {rule.MaxIterations} reached");
            cancellation.ThrowIfCancellationRequested();

            var outcome = Step(objective, x, f, gradientNorm, out var value);
            if (outcome == LineSearchOutcome.Failed && _count > 0)
            {
                // The quasi-Newton model misled the search: forget it and retry along -grad F.
                _count = 0;
                outcome = Step(objective, x, f, gradientNorm, out value);
            }
            if (outcome == LineSearchOutcome.NonFinite)
                return End(TrialStatus.Diverged, iteration, f, gradientNorm, "objective non-finite at every step tried along the descent direction");
            if (outcome == LineSearchOutcome.Failed)
                return End(TrialStatus.IterationLimit, iteration, f, gradientNorm, "line search stalled: no decrease along -grad F at floating-point precision");

            Remember(x);
            _xt.CopyTo(x);
            _gt.CopyTo(_g);
            f = value;
            gradientNorm = Kernels.Norm(_g);
            if (!double.IsFinite(gradientNorm))
                return End(TrialStatus.Diverged, iteration + 1, f, gradientNorm, "non-finite gradient");
            if (rule.IsDiverging(f, startValue))
                return End(TrialStatus.Diverged, iteration + 1, f, gradientNorm, $"|F| = {Math.Abs(f):G3} left the bound {rule.DivergenceFactor:G3} * max(1, |F(x0)|)");
        }
    }

    private OptimizationResult End(TrialStatus status, int iterations, double value, double gradientNorm, string? reason) =>
        new(status, iterations, _evaluations, value, gradientNorm, reason);

    /// <summary>Sets the direction and runs the line search; on success _xt, _gt hold the accepted point.</summary>
    private LineSearchOutcome Step(Objective objective, ReadOnlySpan<double> x, double f, double gradientNorm, out double value)
    {
        Direction();
        var slope = Kernels.Dot(_g, _d);
        if (!(slope < 0))
        {
            _count = 0;
            Direction();
            slope = -gradientNorm * gradientNorm;
        }
        // Without curvature information the first trial moves x by a unit length at most.
        var initial = _count == 0 ? Math.Min(1.0, 1.0 / gradientNorm) : 1.0;
        return LineSearch(objective, x, f, slope, initial, out value);
    }

    /// <summary>Two-loop recursion: _d = -H g with H built from the stored pairs (H = I when none).</summary>
    private void Direction()
    {
        var q = _d.AsSpan();
        _g.CopyTo(q);
        for (var j = 0; j < _count; j++)
        {
            var i = (_newest - j + _memory) % _memory;
            _alpha[i] = _rho[i] * Kernels.Dot(_s[i], q);
            Kernels.Axpy(-_alpha[i], _y[i], q);
        }
        if (_count > 0)
        {
            var y = _y[_newest];
            Kernels.Scale(1.0 / (_rho[_newest] * Kernels.Dot(y, y)), q);
        }
        for (var j = _count - 1; j >= 0; j--)
        {
            var i = (_newest - j + _memory) % _memory;
            var beta = _rho[i] * Kernels.Dot(_y[i], q);
            Kernels.Axpy(_alpha[i] - beta, _s[i], q);
        }
        Kernels.Scale(-1.0, q);
    }

    /// <summary>Stores s = _xt - x, y = _gt - g when s^T y &gt; eps y^T y.</summary>
    private void Remember(ReadOnlySpan<double> x)
    {
        var slot = (_newest + 1) % _memory;
        var s = _s[slot];
        var y = _y[slot];
        for (var i = 0; i < s.Length; i++)
        {
            s[i] = _xt[i] - x[i];
            y[i] = _gt[i] - _g[i];
        }
        var sy = Kernels.Dot(s, y);
        var yy = Kernels.Dot(y, y);
        if (sy > double.Epsilon && sy > 1e-14 * yy)
        {
            _rho[slot] = 1.0 / sy;
            _newest = slot;
            _count = Math.Min(_count + 1, _memory);
        }
        else if (_count == _memory)
        {
            // The slot held the oldest pair, now overwritten by the rejected one.
            _count--;
        }
    }

    /// <summary>phi(t) = F(x + t d) into _xt, _gt; returns phi and sets phi'(t) = g(x + t d)^T d.</summary>
    private double Evaluate(Objective objective, ReadOnlySpan<double> x, double t, out double slope)
    {
        for (var i = 0; i < _xt.Length; i++)
            _xt[i] = x[i] + t * _d[i];
        _evaluations++;
        var value = objective(_xt, _gt);
        slope = Kernels.Dot(_gt, _d);
        return value;
    }

    /// <summary>Strong Wolfe line search: bracket by growing t, then zoom (N&amp;W alg. 3.5).</summary>
    private LineSearchOutcome LineSearch(Objective objective, ReadOnlySpan<double> x, double f0, double slope0, double t, out double value)
    {
        double previous = 0, previousValue = f0, previousSlope = slope0;
        for (var i = 0; i < MaxBracketSteps; i++)
        {
            value = Evaluate(objective, x, t, out var slope);
            if (!double.IsFinite(value) || !double.IsFinite(slope) ||
                value > f0 + SufficientDecrease * t * slope0 || (i > 0 && value >= previousValue))
                return Zoom(objective, x, f0, slope0, new(previous, previousValue, previousSlope), new(t, value, slope), out value);
            if (Math.Abs(slope) <= -CurvatureCondition * slope0)
                return LineSearchOutcome.Accepted;
            if (slope >= 0)
                return Zoom(objective, x, f0, slope0, new(t, value, slope), new(previous, previousValue, previousSlope), out value);
            (previous, previousValue, previousSlope) = (t, value, slope);
            t *= BracketGrowth;
        }
        // F kept decreasing steeply however far we went (unbounded below along d): take the last, farthest point.
        value = previousValue;
        return LineSearchOutcome.Accepted;
    }

    /// <summary>
    /// Zoom (N&amp;W alg. 3.6) on the bracket [lo, hi]: lo satisfies sufficient decrease with the lowest F
    /// seen, and phi'(lo) (hi - lo) &lt; 0. Falls back to lo (sufficient decrease only) when the curvature
    /// condition cannot be met in <see cref="MaxZoomSteps"/> trials.
    /// </summary>
    private LineSearchOutcome Zoom(Objective objective, ReadOnlySpan<double> x, double f0, double slope0, Trial lo, Trial hi, out double value)
    {
        var sawFinite = double.IsFinite(hi.Value) || lo.T > 0;
        for (var j = 0; j < MaxZoomSteps; j++)
        {
            var t = Interpolate(lo, hi);
            value = Evaluate(objective, x, t, out var slope);
            var finite = double.IsFinite(value) && double.IsFinite(slope);
            sawFinite |= finite;
            if (!finite || value > f0 + SufficientDecrease * t * slope0 || value >= lo.Value)
            {
                hi = new(t, value, slope);
                continue;
            }
            if (Math.Abs(slope) <= -CurvatureCondition * slope0)
                return LineSearchOutcome.Accepted;
            if (slope * (hi.T - lo.T) >= 0)
                hi = lo;
            lo = new(t, value, slope);
        }
        if (lo.T > 0)
        {
            value = Evaluate(objective, x, lo.T, out _);
            return LineSearchOutcome.Accepted;
        }
        value = f0;
        return sawFinite ? LineSearchOutcome.Failed : LineSearchOutcome.NonFinite;
    }

    /// <summary>
    /// Minimizer of the cubic through (a, phi(a), phi'(a)) and (b, phi(b), phi'(b)) (N&amp;W eq. 3.59),
    /// kept within the middle 80% of the bracket; bisection when the cubic is unusable.
    /// </summary>
    private static double Interpolate(Trial a, Trial b)
    {
        var width = b.T - a.T;
        var bisection = a.T + 0.5 * width;
        if (!double.IsFinite(b.Value) || !double.IsFinite(b.Slope))
            return bisection;
        var d1 = a.Slope + b.Slope - 3 * (a.Value - b.Value) / (a.T - b.T);
        var discriminant = d1 * d1 - a.Slope * b.Slope;
        if (!(discriminant >= 0))
            return bisection;
        var d2 = Math.CopySign(Math.Sqrt(discriminant), width);
        var t = b.T - width * (b.Slope + d2 - d1) / (b.Slope - a.Slope + 2 * d2);
        var low = Math.Min(a.T, b.T) + 0.1 * Math.Abs(width);
        var high = Math.Max(a.T, b.T) - 0.1 * Math.Abs(width);
        return double.IsFinite(t) && t >= low && t <= high ? t : bisection;
    }

    private enum LineSearchOutcome
    {
        Accepted,
        Failed,
        NonFinite,
    }

    /// <summary>A trial step t with phi(t) and phi'(t).</summary>
    private readonly record struct Trial(double T, double Value, double Slope);
}
