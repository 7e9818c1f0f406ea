using MathNet.Numerics.LinearAlgebra;

namespace Sweeps.Numerics.Problems.Sensing;

/// <summary>
/// Matrix sensing with X = L R^T (docs/SCIENCE.md 2.1, and 2.3 / 2.4, which differ only in the map A):
/// L d1 x k, R d2 x k, and theta = [L, R], both row-major. f = (1/m) ||A(L R^T) - b||^2 with
/// r_i = &lt;A_i, X&gt; - b_i; grad_L f = (2/m) S R, grad_R f = (2/m) S^T L with S = sum_i r_i A_i;
/// tr Hess f = 2&lt;P, L L^T&gt; + 2&lt;Q, R R^T&gt; everywhere (f is bilinear in (L, R), so the
/// residual part has a zero diagonal), P = (1/m) sum A_i A_i^T, Q = (1/m) sum A_i^T A_i, which the
/// family computes for its own map (Gaussian, rank-one, entry sampling).
/// </summary>
public sealed class GeneralSensingProblem : LeastSquaresProblem<IMeasurementOperator>, IMatrixSensingProblem
{
    private readonly FactorPair _pair;
    private readonly double[] _p;
    private readonly double[] _q;
    private readonly double[] _leftProduct;
    private readonly double[] _rightProduct;
    private double? _flatTraceAtTruth;

    /// <summary>An instance of <paramref name="family"/>; <paramref name="p"/> and <paramref name="q"/> are the moments of <paramref name="measurements"/>.</summary>
    internal GeneralSensingProblem(
        string family, int width, double[] truth, IMeasurementOperator measurements, double[] data, double[] p, double[] q)
        : base(measurements, truth, data, "theta of length (d1 + d2) k")
    {
        Family = family;
        D1 = measurements.Rows;
        D2 = measurements.Cols;
        Width = width;
        _pair = new FactorPair(D1, D2, width);
        _leftProduct = new double[D1 * width];
        _rightProduct = new double[D2 * width];
        _p = p;
        _q = q;
    }

    public string Family { get; }

    public override int ParameterCount => (D1 + D2) * Width;

    public double NoiseLevel { get; internal init; }

    public bool Symmetric => false;

    public int D1 { get; }

    public int D2 { get; }

    public int Width { get; }

    /// <summary>P = (1/m) sum A_i A_i^T, d1 x d1.</summary>
    public ReadOnlySpan<double> LeftWeight => _p;

    /// <summary>Q = (1/m) sum A_i^T A_i, d2 x d2.</summary>
    public ReadOnlySpan<double> RightWeight => _q;

    /// <summary>X = L R^T: d1 x d2, row-major (the truth M has rank r and unit Frobenius norm).</summary>
    protected override void FormModel(ReadOnlySpan<double> theta, Span<double> model) =>
        DenseProducts.MultiplyTransposed(_pair.Left(theta), _pair.Right(theta), Width, model);

    /// <summary>J^T S = (S R, S^T L).</summary>
    protected override void AddModelGradient(ReadOnlySpan<double> theta, double scale, ReadOnlySpan<double> adjoint, Span<double> gradient)
    {
        DenseProducts.AddProduct(scale, adjoint, _pair.Right(theta), Width, _pair.Left(gradient));
        DenseProducts.AddTransposedProduct(scale, adjoint, _pair.Left(theta), Width, _pair.Right(gradient));
    }

    /// <summary>2(&lt;P, L L^T&gt; + &lt;Q, R R^T&gt;), leaving P L and Q R in the product buffers.</summary>
    protected override double FlatPenalty(ReadOnlySpan<double> theta) =>
        2 * (DenseProducts.WeightedSquare(_p, _pair.Left(theta), Width, _leftProduct)
             + DenseProducts.WeightedSquare(_q, _pair.Right(theta), Width, _rightProduct));

    /// <summary>(4 P L, 4 Q R), from the product buffers.</summary>
    protected override void AddFlatPenaltyGradient(ReadOnlySpan<double> theta, double scale, Span<double> gradient)
    {
        Kernels.Axpy(4 * scale, _leftProduct, _pair.Left(gradient));
        Kernels.Axpy(4 * scale, _rightProduct, _pair.Right(gradient));
    }

    /// <summary>L, R i.i.d. Gaussian with E ||L R^T||_F^2 = scale^2 (<see cref="FactorPair.Initialize"/>).</summary>
    public void Initialize(ref RandomStream stream, double scale, Span<double> theta) => _pair.Initialize(ref stream, scale, theta);

    /// <summary>
    /// Relative error, numerical rank (<see cref="SensingAnalysis.RankThreshold"/>), balance gap
    /// ||L^T L - R^T R||_F / (||L||_F^2 + ||R||_F^2), and extra norm_gap =
    /// (||L||_F^2 + ||R||_F^2) / (2 ||X||_*) - 1 (&gt;= 0, 0 at a balanced norm-minimal factorization).
    /// </summary>
    public PointMetrics Evaluate(ReadOnlySpan<double> theta)
    {
        var (model, singular, balance) = _pair.Describe(theta);
        var normGap = Kernels.SumOfSquares(theta) / (2 * singular.Sum()) - 1;
        return new PointMetrics(
            SensingAnalysis.RelativeError(model, Truth),
            SensingAnalysis.NumericalRank(singular),
            balance,
            [new("norm_gap", normGap)]);
    }

    /// <summary>
    /// 4 ||P^{1/2} M Q^{1/2}||_*: by 2&lt;P, L L^T&gt; + 2&lt;Q, R R^T&gt; = 2(||P^{1/2} L||_F^2 + ||Q^{1/2} R||_F^2)
    /// &gt;= 4 ||P^{1/2} L R^T Q^{1/2}||_* (AM-GM), with equality at the balanced factors of
    /// P^{1/2} M Q^{1/2}, this is the smallest Hessian trace over all factorizations L R^T = M.
    /// </summary>
    public double FlatTraceAtTruth => _flatTraceAtTruth ??= ComputeFlatTraceAtTruth();

    /// <summary>
    /// 4: near a point with ||L||_op^2, ||R||_op^2 &lt;= ||M||_op &lt;= ||M||_F = 1 the Gauss-Newton part of the Hessian is
    /// (2/m) ||A(dL R^T + L dR^T)||^2 &lt;= 2 lambda (||dL|| + ||dR||)^2 &lt;= 4 lambda ||(dL, dR)||^2.
    /// </summary>
    protected override double CurvatureBound => 4;

    /// <summary>theta = [L, R]: copies L (d1 x k) then R (d2 x k).</summary>
    public void PackFactors(ReadOnlySpan<double> left, ReadOnlySpan<double> right, Span<double> theta)
    {
        CheckLength(theta.Length);
        if (left.Length != D1 * Width || right.Length != D2 * Width)
            throw new ArgumentException($"Expected L of length {D1 * Width} and R of length {D2 * Width}, got {left.Length} and {right.Length}.");
        left.CopyTo(_pair.Left(theta));
        right.CopyTo(_pair.Right(theta));
    }

    private double ComputeFlatTraceAtTruth()
    {
        var truth = Matrix<double>.Build.DenseOfRowMajor(D1, D2, Truth.ToArray());
        var weighted = SensingAnalysis.SquareRoot(_p, D1) * truth * SensingAnalysis.SquareRoot(_q, D2);
        return 4 * weighted.Svd(computeVectors: false).S.Sum();
    }
}
