using Sweeps.Numerics.Convex;

namespace Sweeps.Numerics.Problems.Robust;

/// <summary>
/// Robust PCA (docs/SCIENCE.md 2.5) with X = L R^T, L (d1 x k), R (d2 x k), theta = [L, R] row-major.
/// With E = Y - L R^T and B the l1 ball of radius tau = ||S||_{1,1}: f = dist(E, B)^2 = sum min(|E|, t)^2
/// (t the projection threshold, <see cref="L1Ball"/>; f = 0 inside B), C^1 with grad_X f = -2 D,
/// D = E - Proj_B(E) = sign(E) min(|E|, t), so grad_L f = -2 D R, grad_R f = -2 D^T L.
/// Flatness is measured on the smooth model that majorizes f at theta_0, q(theta) = ||Y - L R^T - Proj_B(E_0)||_F^2
/// (q &gt;= f since Proj_B(E_0) is in B; q = f and grad q = grad f at theta_0). q is bilinear-quadratic, its
/// residual part has a zero diagonal, and exactly tr Hess q = 2 (d2 ||L||_F^2 + d1 ||R||_F^2) at every point:
/// flat = norm-minimal, and over the factorizations of X the minimum is 4 sqrt(d1 d2) ||X||_* (AM-GM), so flat
/// minimizers solve min ||X||_* s.t. ||Y - X||_{1,1} &lt;= tau.
/// </summary>
public sealed class RobustPcaProblem : IFactorizedProblem, IConvexRecoverable
{
    private readonly double[] _truth;
    private readonly double[] _corruption;
    private readonly double[] _observed;
    private readonly FactorPair _pair;
    private readonly double[] _error;
    private readonly double[] _scratch;

    internal RobustPcaProblem(int d1, int d2, int width, double[] truth, double[] corruption, double[] observed)
    {
        D1 = d1;
        D2 = d2;
        Width = width;
        _pair = new FactorPair(d1, d2, width);
        _truth = truth;
        _corruption = corruption;
        _observed = observed;
        Radius = corruption.Sum(Math.Abs);
        _error = new double[d1 * d2];
        _scratch = new double[d1 * d2];
        FlatTraceAtTruth = 4 * Math.Sqrt(d1 * (double)d2) * SensingAnalysis.SingularValues(truth, d1, d2).Sum();
    }

    public string Family => RobustPcaFamily.FamilyName;

    public int D1 { get; }

    public int D2 { get; }

    /// <summary>k.</summary>
    public int Width { get; }

    /// <summary>M (d1 x d2, row-major, rank r, unit Frobenius norm).</summary>
    public ReadOnlySpan<double> Truth => _truth;

    /// <summary>S (d1 x d2, row-major, at most l nonzeros per row and per column).</summary>
    public ReadOnlySpan<double> Corruption => _corruption;

    /// <summary>Y = M + S (+ noise).</summary>
    public ReadOnlySpan<double> Observed => _observed;

    /// <summary>tau = ||S||_{1,1}.</summary>
    public double Radius { get; }

    public int ParameterCount => _pair.Length;

    public double Loss(ReadOnlySpan<double> theta)
    {
        CheckLength(theta.Length);
        var t = Residual(theta);
        return t == 0 ? 0 : Kernels.SumOfSquares(_error);
    }

    public double LossAndGradient(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        CheckLength(theta.Length);
        CheckLength(gradient.Length);
        gradient.Clear();
        if (Residual(theta) == 0) return 0;
        DenseProducts.AddProduct(-2, _error, _pair.Right(theta), Width, _pair.Left(gradient));
        DenseProducts.AddTransposedProduct(-2, _error, _pair.Left(theta), Width, _pair.Right(gradient));
        return Kernels.SumOfSquares(_error);
    }

    /// <summary>tr Hess q = 2 (d2 ||L||_F^2 + d1 ||R||_F^2) (the majorizing model; see the type's summary).</summary>
    public double HessianTrace(ReadOnlySpan<double> theta)
    {
        CheckLength(theta.Length);
        return 2 * (D2 * Kernels.SumOfSquares(_pair.Left(theta)) + D1 * Kernels.SumOfSquares(_pair.Right(theta)));
    }

    /// <summary>2 (d2 ||L||_F^2 + d1 ||R||_F^2), gradient (4 d2 L, 4 d1 R).</summary>
    public double AddFlatPenalty(ReadOnlySpan<double> theta, double scale, Span<double> gradient)
    {
        CheckLength(theta.Length);
        CheckLength(gradient.Length);
        Kernels.Axpy(4 * scale * D2, _pair.Left(theta), _pair.Left(gradient));
        Kernels.Axpy(4 * scale * D1, _pair.Right(theta), _pair.Right(gradient));
        return HessianTrace(theta);
    }

    /// <summary>
    /// The exact Hessian trace of f itself where f is twice differentiable. Outside B, with the active set
    /// A = {|E_ab| &gt; t} locally constant, f = ||E_{A^c}||^2 + (&lt;s, E_A&gt; - tau)^2 / |A| (s = sign(E) on A),
    /// the squared distance to the affine hull of the face of B that E projects onto; so
    /// tr Hess f = 2 (sum_a n_a ||L_a||^2 + sum_b n_b ||R_b||^2 + (||S_A R||_F^2 + ||S_A^T L||_F^2) / |A|)
    /// with n_a, n_b the numbers of inactive entries in row a and column b and S_A the sign matrix of A
    /// (the last term is absent when A is empty, tau = 0). Inside B, f = 0 near theta and the trace is 0.
    /// </summary>
    public double ActiveSetHessianTrace(ReadOnlySpan<double> theta)
    {
        CheckLength(theta.Length);
        var t = Residual(theta);
        if (t == 0) return 0;
        int d1 = D1, d2 = D2, k = Width;
        var signs = new double[d1 * d2];
        var active = 0;
        var inactiveRows = new double[d1];
        var inactiveCols = new double[d2];
        for (var a = 0; a < d1; a++)
            for (var b = 0; b < d2; b++)
            {
                if (Math.Abs(_error[a * d2 + b]) < t)
                {
                    inactiveRows[a]++;
                    inactiveCols[b]++;
                }
                else
                {
                    signs[a * d2 + b] = Math.Sign(_error[a * d2 + b]);
                    active++;
                }
            }
        var trace = 0.0;
        for (var a = 0; a < d1; a++) trace += inactiveRows[a] * Kernels.SumOfSquares(_pair.Left(theta).Slice(a * k, k));
        for (var b = 0; b < d2; b++) trace += inactiveCols[b] * Kernels.SumOfSquares(_pair.Right(theta).Slice(b * k, k));
        if (active > 0)
        {
            var sr = new double[d1 * k];
            var sl = new double[d2 * k];
            DenseProducts.AddProduct(1, signs, _pair.Right(theta), k, sr);
            DenseProducts.AddTransposedProduct(1, signs, _pair.Left(theta), k, sl);
            trace += (Kernels.SumOfSquares(sr) + Kernels.SumOfSquares(sl)) / active;
        }
        return 2 * trace;
    }

    /// <summary>L, R i.i.d. N(0, s^2), s = (scale^2 / (d1 d2 k))^{1/4}, so E ||L R^T||_F^2 = scale^2 (as general sensing).</summary>
    public void Initialize(ref RandomStream stream, double scale, Span<double> theta) => _pair.Initialize(ref stream, scale, theta);

    /// <summary>
    /// Relative error, numerical rank, balance gap ||L^T L - R^T R||_F / (||L||_F^2 + ||R||_F^2), extras
    /// norm_gap = (d2 ||L||_F^2 + d1 ||R||_F^2) / (2 sqrt(d1 d2) ||X||_*) - 1 (0 at a flattest factorization of X),
    /// active_set_trace (<see cref="ActiveSetHessianTrace"/>) and l1_excess = ||Y - X||_{1,1} / tau - 1
    /// (&lt;= 0 when X is feasible for the convex program; NaN when tau = 0).
    /// </summary>
    public PointMetrics Evaluate(ReadOnlySpan<double> theta)
    {
        var (x, singular, balance) = _pair.Describe(theta);
        var normGap = HessianTrace(theta) / (4 * Math.Sqrt(D1 * (double)D2) * singular.Sum()) - 1;
        var excess = 0.0;
        for (var i = 0; i < x.Length; i++) excess += Math.Abs(_observed[i] - x[i]);
        return new PointMetrics(
            SensingAnalysis.RelativeError(x, _truth),
            SensingAnalysis.NumericalRank(singular),
            balance,
            [new("norm_gap", normGap), new("active_set_trace", ActiveSetHessianTrace(theta)), new("l1_excess", Radius > 0 ? excess / Radius - 1 : double.NaN)]);
    }

    /// <summary>4 sqrt(d1 d2) ||M||_*: the trace of the flattest factorization of the truth (see the type's summary).</summary>
    public double FlatTraceAtTruth { get; }

    /// <summary>
    /// 1/4: grad_X f is 2-Lipschitz, so where ||L||_op, ||R||_op &lt;= 1 (the factors of a unit-norm truth) the
    /// Gauss-Newton part 2 ||dL R^T + L dR^T||_F^2 is at most 4 ||(dL, dR)||^2 (general sensing with lambda = 1).
    /// </summary>
    public double SuggestedStep => 0.25;

    /// <summary>
    /// Both convex methods solve min ||X||_* s.t. ||Y - X||_{1,1} &lt;= tau (<see cref="L1ConstrainedTraceNorm"/>):
    /// flat = norm-minimal here, so the flat program is the nuclear one. flat-convex returns the flattest factors
    /// L = (d1/d2)^{1/4} U S^{1/2}, R = (d2/d1)^{1/4} V S^{1/2} (trace 4 sqrt(d1 d2) ||X||_*), nuclear the balanced
    /// U S^{1/2}, V S^{1/2} (the same when d1 = d2).
    /// </summary>
    public Solution SolveConvex(ConvexObjective objective, ConvexOptions options, CancellationToken cancellation)
    {
        var result = L1ConstrainedTraceNorm.Solve(_observed, D1, D2, Radius, options, cancellation);
        var ratio = Math.Sqrt(D2 / (double)D1);
        var (left, right) = objective == ConvexObjective.Flat
            ? (SpdRoots.ScaledIdentity(D1, ratio), SpdRoots.ScaledIdentity(D2, 1 / ratio))
            : (SpdRoots.Identity(D1), SpdRoots.Identity(D2));
        var factors = FlatFactors.From(result.Solution, left, right, Width);
        var theta = new double[ParameterCount];
        factors.Left.CopyTo(theta, 0);
        factors.Right.CopyTo(theta, D1 * Width);
        var reasons = new[] { result.Reason, factors.Note }.OfType<string>().ToArray();
        return new Solution(theta, result.Status, result.Iterations, reasons.Length == 0 ? null : string.Join(" ", reasons));
    }

    /// <summary>Writes E = Y - L R^T, then D = E - Proj_B(E) into _error, and returns the threshold t (0 inside B).</summary>
    private double Residual(ReadOnlySpan<double> theta)
    {
        DenseProducts.MultiplyTransposed(_pair.Left(theta), _pair.Right(theta), Width, _error);
        for (var i = 0; i < _error.Length; i++) _error[i] = _observed[i] - _error[i];
        var t = L1Ball.Threshold(_error, Radius, _scratch);
        for (var i = 0; i < _error.Length; i++) _error[i] = Math.Sign(_error[i]) * Math.Min(Math.Abs(_error[i]), t);
        return t;
    }

    private void CheckLength(int length) => _pair.CheckLength(length);
}
