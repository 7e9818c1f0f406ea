using Sweeps.Numerics.Convex;

namespace Sweeps.Numerics.Problems.Network;

/// <summary>
/// Quadratic-activation network / covariance estimation (docs/SCIENCE.md 2.6): theta = [U1 (d x k), U2 (d x k2)],
/// row-major; yhat(x) = ||U1^T x||^2 - ||U2^T x||^2 = x^T X x with X = U1 U1^T - U2 U2^T.
/// f = (1/m) sum r_i^2, r_i = yhat(x_i) - y_i; with z1 = U1^T x_i, z2 = U2^T x_i:
/// grad_U1 f = (4/m) sum r_i x_i z1^T, grad_U2 f = -(4/m) sum r_i x_i z2^T;
/// tr Hess f = (8/m) sum ||x_i||^2 (||z1||^2 + ||z2||^2) + (4(k - k2)/m) sum r_i ||x_i||^2
///           = 8 (&lt;D2, U1 U1^T&gt; + &lt;D2, U2 U2^T&gt;) + (4(k - k2)/m) sum r_i ||x_i||^2, exact everywhere
/// (f is a quartic polynomial; the second term is the residual part, zero on the zero-loss set),
/// D2 = (1/m) sum ||x_i||^2 x_i x_i^T. Everything is computed from the inputs x_i (m d k work), never d x d A_i.
/// </summary>
public sealed class QuadraticNetworkProblem : IFactorizedProblem, IConvexRecoverable
{
    private readonly BilinearMeasurementOperator _operator;
    private readonly double[] _truth;
    private readonly double[] _data;
    private readonly double[] _squareMean;
    private readonly double[] _inputNorms;
    private readonly double[] _residual;
    private readonly double[] _projection;
    private readonly double[] _product;
    private double? _flatTraceAtTruth;
    private double? _suggestedStep;

    internal QuadraticNetworkProblem(int positiveWidth, int negativeWidth, double[] truth, BilinearMeasurementOperator inputs, double[] data)
    {
        _operator = inputs;
        _truth = truth;
        _data = data;
        Dimension = inputs.Rows;
        PositiveWidth = positiveWidth;
        NegativeWidth = negativeWidth;
        (_squareMean, _) = inputs.Moments();
        _inputNorms = new double[inputs.Count];
        for (var i = 0; i < inputs.Count; i++) _inputNorms[i] = Kernels.SumOfSquares(inputs.Left(i));
        _residual = new double[inputs.Count];
        _projection = new double[positiveWidth + negativeWidth];
        _product = new double[Dimension * (positiveWidth + negativeWidth)];
    }

    public string Family => QuadraticNetworkFamily.FamilyName;

    /// <summary>d.</summary>
    public int Dimension { get; }

    /// <summary>k, the width of U1.</summary>
    public int PositiveWidth { get; }

    /// <summary>k2, the width of U2 (0 for covariance estimation).</summary>
    public int NegativeWidth { get; }

    public int ParameterCount => Dimension * (PositiveWidth + NegativeWidth);

    /// <summary>A_i = x_i x_i^T, applied through the inputs x_i.</summary>
    public BilinearMeasurementOperator Measurements => _operator;

    /// <summary>y, length m.</summary>
    public ReadOnlySpan<double> Data => _data;

    /// <summary>D2 = (1/m) sum ||x_i||^2 x_i x_i^T (d x d, row-major).</summary>
    public ReadOnlySpan<double> SquareMean => _squareMean;

    /// <summary>The teacher M = U1 U1^T - U2 U2^T (d x d, row-major, unit Frobenius norm).</summary>
    public ReadOnlySpan<double> Truth => _truth;

    public double Loss(ReadOnlySpan<double> theta)
    {
        CheckLength(theta.Length);
        return Pass(theta, gradient: []);
    }

    public double LossAndGradient(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        CheckLength(theta.Length);
        CheckLength(gradient.Length);
        gradient.Clear();
        return Pass(theta, gradient);
    }

    public double HessianTrace(ReadOnlySpan<double> theta)
    {
        CheckLength(theta.Length);
        Pass(theta, gradient: []);
        var m = _residual.Length;
        return Penalty(theta) + 4.0 * (PositiveWidth - NegativeWidth) / m * Kernels.Dot(_residual, _inputNorms);
    }

    /// <summary>8 (&lt;D2, U1 U1^T&gt; + &lt;D2, U2 U2^T&gt;); its gradient is 16 D2 [U1, U2].</summary>
    public double AddFlatPenalty(ReadOnlySpan<double> theta, double scale, Span<double> gradient)
    {
        CheckLength(theta.Length);
        CheckLength(gradient.Length);
        var value = Penalty(theta);
        Kernels.Axpy(16 * scale, _product, gradient);
        return value;
    }

    /// <summary>
    /// U1, U2 with i.i.d. N(0, s^2) entries, s^4 = scale^2 / (d ((k - k2)^2 + (k + k2)(d + 1))): for independent
    /// Gaussian G (d x k), H (d x k2), E ||G G^T - H H^T||_F^2 = d k (d + k + 1) + d k2 (d + k2 + 1) - 2 d k k2,
    /// so E ||X||_F^2 = scale^2 (the truth has norm 1).
    /// </summary>
    public void Initialize(ref RandomStream stream, double scale, Span<double> theta)
    {
        CheckLength(theta.Length);
        double d = Dimension, k = PositiveWidth, k2 = NegativeWidth;
        stream.FillNormal(theta, Math.Sqrt(scale) / Math.Pow(d * ((k - k2) * (k - k2) + (k + k2) * (d + 1)), 0.25));
    }

    /// <summary>
    /// Relative error and numerical rank of X (<see cref="SensingAnalysis.RankThreshold"/>); balance gap NaN
    /// (no L, R pair); extra norm_gap = (||U1||_F^2 + ||U2||_F^2) / ||X||_* - 1 (&gt;= 0, 0 when the factors
    /// are the eigen-split of X: no cancellation between the two parts).
    /// </summary>
    public PointMetrics Evaluate(ReadOnlySpan<double> theta)
    {
        CheckLength(theta.Length);
        var model = Model(theta);
        var singular = SensingAnalysis.SingularValues(model, Dimension, Dimension);
        return new PointMetrics(
            SensingAnalysis.RelativeError(model, _truth),
            SensingAnalysis.NumericalRank(singular),
            double.NaN,
            [new("norm_gap", Kernels.SumOfSquares(theta) / singular.Sum() - 1)]);
    }

    /// <summary>
    /// 8 ||D M D||_*, D = D2^{1/2}: for any factorization M = U1 U1^T - U2 U2^T, D M D = (D U1)(D U1)^T - (D U2)(D U2)^T
    /// has nuclear norm at most ||D U1||_F^2 + ||D U2||_F^2, with equality at the eigen-split of D M D (same inertia as M,
    /// so it fits k &gt;= r, k2 &gt;= r2): the least zero-loss Hessian trace over factorizations of the truth.
    /// </summary>
    public double FlatTraceAtTruth => _flatTraceAtTruth ??= ComputeFlatTraceAtTruth();

    /// <summary>
    /// 1 / (8 lambda), lambda = lambda_max(A^*A) / m by power iteration: near a point with ||U||_op^2 &lt;= 1 the
    /// Gauss-Newton part (2/m) ||A(dU1 U1^T + U1 dU1^T - dU2 U2^T - U2 dU2^T)||^2 is at most 8 lambda ||dU||^2.
    /// </summary>
    public double SuggestedStep => _suggestedStep ??= 1.0 / (8 * SensingAnalysis.NormalizedOperatorNorm(_operator));

    /// <summary>flat: min ||D X D||_* (k2 = 0: trace(D X D), X PSD) s.t. x_i^T X x_i = y_i; nuclear: the same with D = I.</summary>
    public Solution SolveConvex(ConvexObjective objective, ConvexOptions options, CancellationToken cancellation)
    {
        var weight = objective == ConvexObjective.Flat ? SpdRoots.Of(_squareMean, Dimension) : SpdRoots.Identity(Dimension);
        return SignedTraceNorm.Solve(_operator, _data, weight, PositiveWidth, NegativeWidth, options, cancellation);
    }

    /// <summary>X = U1 U1^T - U2 U2^T (d x d, row-major).</summary>
    public double[] Model(ReadOnlySpan<double> theta)
    {
        CheckLength(theta.Length);
        var d = Dimension;
        var model = new double[d * d];
        var negative = new double[d * d];
        if (PositiveWidth > 0) DenseProducts.Gram(Positive(theta), PositiveWidth, model);
        if (NegativeWidth > 0) DenseProducts.Gram(Negative(theta), NegativeWidth, negative);
        Kernels.Axpy(-1, negative, model);
        return model;
    }

    /// <summary>
    /// One pass over the inputs: fills the residuals and returns f; when <paramref name="gradient"/> is not
    /// empty adds grad f to it. z = [U1^T x_i, U2^T x_i] is accumulated row by row of theta.
    /// </summary>
    private double Pass(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        var (d, k, width) = (Dimension, PositiveWidth, PositiveWidth + NegativeWidth);
        var m = _residual.Length;
        var z = _projection.AsSpan();
        var positive = z[..k];
        var negative = z[k..];
        var loss = 0.0;
        for (var i = 0; i < m; i++)
        {
            var x = _operator.Left(i);
            z.Clear();
            for (var a = 0; a < d; a++)
            {
                Kernels.Axpy(x[a], theta.Slice(a * k, k), positive);
                Kernels.Axpy(x[a], theta.Slice(d * k + a * (width - k), width - k), negative);
            }
            var r = Kernels.SumOfSquares(positive) - Kernels.SumOfSquares(negative) - _data[i];
            _residual[i] = r;
            loss += r * r;
            if (gradient.IsEmpty) continue;
            for (var a = 0; a < d; a++)
            {
                var w = 4.0 / m * r * x[a];
                Kernels.Axpy(w, positive, gradient.Slice(a * k, k));
                Kernels.Axpy(-w, negative, gradient.Slice(d * k + a * (width - k), width - k));
            }
        }
        return loss / m;
    }

    /// <summary>8 (&lt;D2, U1 U1^T&gt; + &lt;D2, U2 U2^T&gt;), leaving D2 U1 and D2 U2 in the product buffer.</summary>
    private double Penalty(ReadOnlySpan<double> theta)
    {
        var split = Dimension * PositiveWidth;
        var value = 0.0;
        if (PositiveWidth > 0)
            value += DenseProducts.WeightedSquare(_squareMean, Positive(theta), PositiveWidth, _product.AsSpan(0, split));
        if (NegativeWidth > 0)
            value += DenseProducts.WeightedSquare(_squareMean, Negative(theta), NegativeWidth, _product.AsSpan(split));
        return 8 * value;
    }

    private double ComputeFlatTraceAtTruth()
    {
        var root = SensingAnalysis.SquareRoot(_squareMean, Dimension);
        var truth = MathNet.Numerics.LinearAlgebra.Matrix<double>.Build.DenseOfRowMajor(Dimension, Dimension, _truth);
        return 8 * (root * truth * root).Svd(computeVectors: false).S.Sum();
    }

    private ReadOnlySpan<double> Positive(ReadOnlySpan<double> theta) => theta[..(Dimension * PositiveWidth)];

    private ReadOnlySpan<double> Negative(ReadOnlySpan<double> theta) => theta[(Dimension * PositiveWidth)..];

    private void CheckLength(int length)
    {
        if (length != ParameterCount)
            throw new ArgumentException($"Expected theta = [U1, U2] of length d (k + k2) = {ParameterCount}, got {length}.");
    }
}
