using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Factorization;
namespace Sweeps.Numerics.Problems.Sensing;

/// <summary>
/// Symmetric (PSD) Gaussian matrix sensing (docs/SCIENCE.md 2.2): X = U U^T, theta = U (d x k,
/// row-major). f = (1/m) ||A(U U^T) - b||^2 with r_i = &lt;A_i, X&gt; - b_i;
/// grad f = (4/m) S U with S = sum_i r_i A_i;
/// tr Hess f = (8/m) sum_i ||A_i U||_F^2 + (4k/m) sum_i r_i trace(A_i)
///           = 8 &lt;D2, U U^T&gt; + (4k/m) sum_i r_i trace(A_i), D2 = (1/m) sum_i A_i^2.
/// </summary>
public sealed class SymmetricSensingProblem : LeastSquaresProblem<IMeasurementOperator>, IMatrixSensingProblem, IFusedFlatPenalty, IConvexLift, IRankRevealing
{
    private readonly double[] _squareMean;
    private readonly double[] _traces;
    private readonly double[] _product;
    private readonly double[] _weight;
    private double? _dataScale;

    internal SymmetricSensingProblem(int width, double[] truth, SymmetricMeasurementOperator measurements, double[] data)
        : base(measurements, truth, data, "U of length d k")
    {
        D1 = measurements.Rows;
        Width = width;
        _product = new double[D1 * width];
        _weight = new double[D1 * D1];
        _squareMean = measurements.SquareMean();
        _traces = new double[measurements.Count];
        var identity = new double[D1 * D1];
        for (var j = 0; j < D1; j++) identity[j * D1 + j] = 1;
        measurements.Apply(identity, _traces);
        FlatTraceAtTruth = 8 * Kernels.Dot(_squareMean, truth);
    }

    public string Family => SymmetricSensingFamily.FamilyName;

    public override int ParameterCount => D1 * Width;

    public double NoiseLevel { get; internal init; }

    public bool Symmetric => true;

    public int D1 { get; }

    public int D2 => D1;

    public int Width { get; }

    /// <summary>D2 = (1/m) sum A_i^2, d x d.</summary>
    public ReadOnlySpan<double> LeftWeight => _squareMean;

    /// <summary>D2 again (P = Q for symmetric problems).</summary>
    public ReadOnlySpan<double> RightWeight => _squareMean;

    /// <summary>X = U U^T: d x d, row-major (the truth M is PSD of rank r with unit Frobenius norm).</summary>
    protected override void FormModel(ReadOnlySpan<double> theta, Span<double> model) => DenseProducts.Gram(theta, Width, model);

    /// <summary>J^T S = (S + S^T) U = 2 S U (S is symmetric).</summary>
    protected override void AddModelGradient(ReadOnlySpan<double> theta, double scale, ReadOnlySpan<double> adjoint, Span<double> gradient) =>
        DenseProducts.AddProduct(2 * scale, adjoint, theta, Width, gradient);

    /// <summary>
    /// F = f + lambda 8 &lt;D2, X&gt; with X = U U^T (already formed for f), and
    /// grad F = (4/m) S U + 16 lambda D2 U = (4/m) (S + 4 m lambda D2) U: one factor product for both terms.
    /// </summary>
    public double PenalizedLossAndGradient(ReadOnlySpan<double> theta, double lambda, Span<double> gradient)
    {
        CheckLength(theta.Length);
        CheckLength(gradient.Length);
        var loss = Residuals(theta, withAdjoint: true);
        var penalty = 8 * Kernels.Dot(_squareMean, Fit.Model);
        Fit.Adjoint.CopyTo(_weight);
        Kernels.Axpy(4.0 * Fit.Count * lambda, _squareMean, _weight);
        gradient.Clear();
        DenseProducts.AddProduct(4.0 / Fit.Count, _weight, theta, Width, gradient);
        return loss + lambda * penalty;
    }

    /// <summary>
    /// F(U) = g(U U^T) with g(X) = f(X) + 8 lambda &lt;D2, X&gt; convex over X psd, grad_U F = (4/m) W U with
    /// W = A^*(r) + 4 m lambda D2 (m / 2 times grad g). X minimizes g iff W is psd and W X = 0; at a stationary U with
    /// W v = mu v, mu &lt; 0, the direction v q^T, q a unit null direction of U (its least right singular vector), has
    /// first-order change 0 (U q = 0, so X(t) = X + t^2 v v^T) and second derivative (4/m) mu &lt; 0. Fails when
    /// mu &gt;= -max(tolerance ||W||_op, 1e-12 ||A^*(b)||_F) (the floor: W = A^*(r) is rounding noise at an interpolant).
    /// </summary>
    public bool TryEscapeDirection(ReadOnlySpan<double> theta, double lambda, double tolerance, Span<double> direction)
    {
        CheckLength(theta.Length);
        CheckLength(direction.Length);
        Residuals(theta, withAdjoint: true);
        var w = Fit.Adjoint.ToArray();
        Kernels.Axpy(4.0 * Fit.Count * lambda, _squareMean, w);
        var evd = Matrix<double>.Build.DenseOfRowMajor(D1, D1, w).Evd(Symmetricity.Symmetric);
        var eigenvalues = evd.EigenValues.Select(e => e.Real).ToArray();
        var lowest = Array.IndexOf(eigenvalues, eigenvalues.Min());
        var floor = 1e-12 * (_dataScale ??= DataScale());
        if (!(eigenvalues[lowest] < -Math.Max(tolerance * eigenvalues.Max(Math.Abs), floor))) return false;
        var svd = FactorSvd(theta);
        // Least right singular vector: the last row of V^T when Width <= D1; any null vector of U beyond its rank otherwise.
        var q = svd.VT.Row(Width - 1);
        var v = evd.EigenVectors.Column(lowest);
        for (var i = 0; i < D1; i++)
            for (var j = 0; j < Width; j++)
                direction[i * Width + j] = v[i] * q[j];
        return true;
    }

    private double DataScale()
    {
        var adjoint = new double[D1 * D1];
        Measurements.AddAdjoint(Data, 1, adjoint);
        return Kernels.Norm(adjoint);
    }

    /// <summary>U = P S Q^T (thin SVD) becomes P S' Q^T, S' = S with the values below relative * s_1 set to 0.</summary>
    public int Truncate(Span<double> theta, double relative)
    {
        CheckLength(theta.Length);
        var svd = FactorSvd(theta);
        var rank = svd.S.Count(v => v >= relative * svd.S[0]);
        KeepLeading(svd, rank, theta);
        return rank;
    }

    /// <summary>X = U U^T has the singular values s_j^2 of U.</summary>
    public double[] ModelSingularValues(ReadOnlySpan<double> theta)
    {
        CheckLength(theta.Length);
        return FactorSvd(theta).S.Select(s => s * s).ToArray();
    }

    /// <summary>
    /// U = P S Q^T becomes P_r S_r Q_r^T, so U q = 0 for the dropped right singular vectors q, and grad f q = (4/m) S U q
    /// stays 0: gradient steps and L-BFGS keep the rank.
    /// </summary>
    public void KeepRank(Span<double> theta, int rank)
    {
        CheckLength(theta.Length);
        KeepLeading(FactorSvd(theta), rank, theta);
    }

    public double ModelDistance(ReadOnlySpan<double> a, ReadOnlySpan<double> b)
    {
        CheckLength(a.Length);
        CheckLength(b.Length);
        var x = new double[D1 * D1];
        var y = new double[D1 * D1];
        DenseProducts.Gram(a, Width, x);
        DenseProducts.Gram(b, Width, y);
        return Kernels.Distance(x, y);
    }

    private Svd<double> FactorSvd(ReadOnlySpan<double> theta) =>
        Matrix<double>.Build.DenseOfRowMajor(D1, Width, theta.ToArray()).Svd(computeVectors: true);

    private void KeepLeading(Svd<double> svd, int rank, Span<double> theta)
    {
        var kept = Matrix<double>.Build.Dense(D1, Width);
        for (var j = 0; j < rank; j++)
            kept += svd.S[j] * svd.U.Column(j).ToColumnMatrix() * svd.VT.Row(j).ToRowMatrix();
        for (var i = 0; i < D1; i++)
            for (var j = 0; j < Width; j++)
                theta[i * Width + j] = kept[i, j];
    }

    public override double HessianTrace(ReadOnlySpan<double> theta)
    {
        CheckLength(theta.Length);
        Residuals(theta);
        return DenseProducts.WeightedSquare(_squareMean, theta, Width, _product) * 8
               + 4.0 * Width / Fit.Count * Kernels.Dot(Fit.Residual, _traces);
    }

    /// <summary>8 &lt;D2, U U^T&gt;, leaving D2 U in the product buffer.</summary>
    protected override double FlatPenalty(ReadOnlySpan<double> theta) => 8 * DenseProducts.WeightedSquare(_squareMean, theta, Width, _product);

    /// <summary>16 D2 U, from the product buffer.</summary>
    protected override void AddFlatPenaltyGradient(ReadOnlySpan<double> theta, double scale, Span<double> gradient) =>
        Kernels.Axpy(16 * scale, _product, gradient);

    /// <summary>
    /// U with i.i.d. N(0, s^2) entries, s = (scale^2 / (d k (d + k + 1)))^{1/4}: for Gaussian G
    /// (d x k), E ||G G^T||_F^2 = d k (d + k + 1), so E ||U U^T||_F^2 = scale^2 (the truth has norm 1).
    /// </summary>
    public void Initialize(ref RandomStream stream, double scale, Span<double> theta)
    {
        CheckLength(theta.Length);
        stream.FillNormal(theta, Math.Sqrt(scale) / Math.Pow((double)D1 * Width * (D1 + Width + 1), 0.25));
    }

    /// <summary>
    /// Relative error and numerical rank (<see cref="SensingAnalysis.RankThreshold"/>); the balance
    /// gap is NaN (one factor) and there are no extras (||U||_F^2 = ||X||_* always).
    /// </summary>
    public PointMetrics Evaluate(ReadOnlySpan<double> theta)
    {
        CheckLength(theta.Length);
        var model = new double[D1 * D1];
        DenseProducts.Gram(theta, Width, model);
        return new PointMetrics(
            SensingAnalysis.RelativeError(model, Truth),
            SensingAnalysis.NumericalRank(SensingAnalysis.SingularValues(model, D1, D1)),
            double.NaN,
            []);
    }

    /// <summary>8 &lt;D2, M&gt;: on the zero-loss set the trace is 8 &lt;D2, U U^T&gt; = 8 &lt;D2, M&gt; for every factor of M.</summary>
    public double FlatTraceAtTruth { get; }

    /// <summary>
    /// 8: near a point with ||U||_op^2 &lt;= ||M||_op &lt;= 1 the Gauss-Newton part of the Hessian is
    /// (2/m) ||A(dU U^T + U dU^T)||^2 &lt;= 2 lambda (2 ||dU||)^2 = 8 lambda ||dU||^2.
    /// </summary>
    protected override double CurvatureBound => 8;

    /// <summary>theta = U (d x k); <paramref name="right"/> is ignored.</summary>
    public void PackFactors(ReadOnlySpan<double> left, ReadOnlySpan<double> right, Span<double> theta)
    {
        CheckLength(theta.Length);
        CheckLength(left.Length);
        left.CopyTo(theta);
    }
}
