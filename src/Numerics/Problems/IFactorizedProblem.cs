namespace Sweeps.Numerics.Problems;

/// <summary>
/// A sampled instance of a factorized recovery problem: ground truth, measurements and data are
/// fixed; the unknowns are the factors, flattened into one parameter vector theta whose layout
/// each family documents (row-major factors, one after another).
/// f(theta) is the paper's loss (1/m) ||A(model(theta)) - b||^2.
/// Implementations own their scratch buffers, so an instance is used by one thread at a time,
/// and the hot calls (loss, gradient, penalty) allocate nothing.
/// </summary>
public interface IFactorizedProblem
{
    /// <summary>The family name (spec value of <c>problem</c>).</summary>
    string Family { get; }

    /// <summary>Length of theta.</summary>
    int ParameterCount { get; }

    /// <summary>f(theta).</summary>
    double Loss(ReadOnlySpan<double> theta);

    /// <summary>Returns f(theta) and overwrites <paramref name="gradient"/> with grad f(theta).</summary>
    double LossAndGradient(ReadOnlySpan<double> theta, Span<double> gradient);

    /// <summary>The exact trace of the Hessian of f at theta (any point, not only zero loss).</summary>
    double HessianTrace(ReadOnlySpan<double> theta);

    /// <summary>
    /// The flatness penalty: tr Hess f as it is on the zero-loss set, a weighted weight decay for
    /// the sensing families (for example 2(&lt;P, L L^T&gt; + &lt;Q, R R^T&gt;)). Returns its value and adds
    /// <paramref name="scale"/> times its gradient to <paramref name="gradient"/>.
    /// </summary>
    double AddFlatPenalty(ReadOnlySpan<double> theta, double scale, Span<double> gradient);

    /// <summary>
    /// Writes a random starting point into theta: i.i.d. Gaussian factors scaled so that the
    /// model has Frobenius norm about <paramref name="scale"/> times that of the truth (1 for
    /// an O(1) start, 1e-3 to 1e-6 for small initialization).
    /// </summary>
    void Initialize(ref RandomStream stream, double scale, Span<double> theta);

    /// <summary>The metrics of a returned point (relative error, rank, balance gap, extras).</summary>
    PointMetrics Evaluate(ReadOnlySpan<double> theta);

    /// <summary>Hessian trace of the flat factorization of the truth: the denominator of the flatness ratio.</summary>
    double FlatTraceAtTruth { get; }

    /// <summary>A step size that gradient descent can take safely near the scale of the truth (about 1/L).</summary>
    double SuggestedStep { get; }
}
