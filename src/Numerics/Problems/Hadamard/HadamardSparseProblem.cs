using Sweeps.Numerics.Convex;

namespace Sweeps.Numerics.Problems.Hadamard;

/// <summary>
/// The depth-L diagonal (Hadamard) model for sparse recovery (docs/SCIENCE.md 2.7): x = v_1 * ... * v_L
/// (entrywise, each v_l in R^d), theta = [v_1, ..., v_L]. f = (1/m) ||A x - b||^2, r = A x - b;
/// grad_{v_j} f = (2/m) (A^T r) * prod_{l != j} v_l;
/// tr Hess f = 2 sum_i D_i sum_j prod_{l != j} v_{l,i}^2 exactly at every point (x is multilinear in
/// the factors, so d^2 x_i / d v_{j,i}^2 = 0), D_i = ||a_i||^2 / m (column i of A).
/// Over the factorizations of a fixed x the trace is at least 2 L sum_i D_i |x_i|^q, q = 2 - 2/L
/// (AM-GM; equality at |v_{l,i}| = |x_i|^{1/L}): flat minimizers solve min sum_i D_i |x_i|^q s.t. A x = b.
/// </summary>
public sealed class HadamardSparseProblem : LeastSquaresProblem<GeneralMeasurementOperator>, IFactorizedProblem, IConvexRecoverable
{
    private readonly double[] _columnWeights;

    internal HadamardSparseProblem(int depth, double[] truth, GeneralMeasurementOperator measurements, double[] data)
        : base(measurements, truth, data, "theta of length depth * d")
    {
        Depth = depth;
        Dimension = truth.Length;
        _columnWeights = new double[Dimension];
        for (var i = 0; i < measurements.Count; i++)
        {
            var row = measurements.Matrix(i);
            for (var j = 0; j < Dimension; j++) _columnWeights[j] += row[j] * row[j] / measurements.Count;
        }
        FlatTraceAtTruth = 2 * Depth * WeightedPower(truth, Exponent);
    }

    public string Family => HadamardSparseFamily.FamilyName;

    /// <summary>L, the number of factors.</summary>
    public int Depth { get; }

    /// <summary>d, the length of x and of each factor.</summary>
    public int Dimension { get; }

    /// <summary>q = 2 - 2/L, the exponent of the flat program (0 at depth 1).</summary>
    public double Exponent => 2 - 2.0 / Depth;

    /// <summary>D_i = ||a_i||^2 / m for each column a_i of A.</summary>
    public ReadOnlySpan<double> ColumnWeights => _columnWeights;

    // Measurements: A (m x d), row i the i-th measurement vector; Truth: x* (length d, r nonzeros, unit norm).

    public override int ParameterCount => Depth * Dimension;

    protected override void FormModel(ReadOnlySpan<double> theta, Span<double> model) => Product(theta, model);

    /// <summary>J^T s: entry (j, i) is s_i prod_{l != j} v_{l,i}; every entry is written, over the cleared gradient.</summary>
    protected override void AddModelGradient(ReadOnlySpan<double> theta, double scale, ReadOnlySpan<double> adjoint, Span<double> gradient)
    {
        for (var i = 0; i < Dimension; i++)
            for (var j = 0; j < Depth; j++)
                gradient[j * Dimension + i] = scale * adjoint[i] * Others(theta, i, j, j);
    }

    /// <summary>
    /// The derivative of tr Hess f = 2 sum_i D_i sum_j prod_{l != j} v_{l,i}^2 (the same at every point)
    /// in v_{k,i}: 4 D_i v_{k,i} sum_{j != k} prod_{l != j, k} v_{l,i}^2.
    /// </summary>
    protected override void AddFlatPenaltyGradient(ReadOnlySpan<double> theta, double scale, Span<double> gradient)
    {
        if (scale != 0)
            for (var i = 0; i < Dimension; i++)
                for (var k = 0; k < Depth; k++)
                {
                    var sum = 0.0;
                    for (var j = 0; j < Depth; j++)
                        if (j != k)
                        {
                            var others = Others(theta, i, j, k);
                            sum += others * others;
                        }
                    gradient[k * Dimension + i] += scale * 4 * _columnWeights[i] * theta[k * Dimension + i] * sum;
                }
    }

    /// <summary>
    /// v_{1,i} = s g_i and v_{l,i} = s sqrt(1 + g_i^2) for l &gt; 1, g_i ~ N(0, 1): x_i = s^L g_i (1 + g_i^2)^{(L-1)/2}
    /// takes either sign, and the gaps v_l^2 - v_1^2 = s^2, which gradient flow conserves, keep the
    /// layers l &gt; 1 positive while v_1 carries the sign (at depth 2 this is the u*u - w*w model with
    /// equal small init). s = (scale^2 / (d c_L))^{1/(2L)}, c_L = E[g^2 (1 + g^2)^{L-1}]
    /// = sum_k C(L-1, k) (2k+1)!!, so E ||x||^2 = scale^2 (the truth has norm 1). A small scale is the
    /// sparsity-seeking small-initialization regime of gd-small-init.
    /// </summary>
    public void Initialize(ref RandomStream stream, double scale, Span<double> theta)
    {
        CheckLength(theta.Length);
        var s = Math.Pow(scale * scale / (Dimension * SecondMoment(Depth)), 0.5 / Depth);
        for (var i = 0; i < Dimension; i++)
        {
            var g = stream.NextNormal();
            theta[i] = s * g;
            for (var l = 1; l < Depth; l++) theta[l * Dimension + i] = s * Math.Sqrt(1 + g * g);
        }
    }

    /// <summary>c_L = E[g^2 (1 + g^2)^{L-1}] = sum_k C(L-1, k) E[g^{2k+2}], E[g^{2n}] = (2n-1)!!.</summary>
    internal static double SecondMoment(int depth)
    {
        double sum = 0, binomial = 1, moment = 1;
        for (var k = 0; k < depth; k++)
        {
            moment *= 2 * k + 1;
            sum += binomial * moment;
            binomial = binomial * (depth - 1 - k) / (k + 1);
        }
        return sum;
    }

    /// <summary>
    /// Relative error ||x - x*|| / ||x*||; Rank = the numerical support size (entries above
    /// <see cref="SensingAnalysis.RankThreshold"/> times the largest); balance gap
    /// sqrt(sum_{j &lt; l} ||v_j^2 - v_l^2||^2) / sum_j ||v_j||^2 (at depth 2 the diagonal case of
    /// ||L^T L - R^T R||_F / (||L||_F^2 + ||R||_F^2); NaN at depth 1); extra flat_gap =
    /// tr Hess f / (2 L sum_i D_i |x_i|^q) - 1 (&gt;= 0, 0 at a flattest factorization of x; depth &gt;= 2).
    /// </summary>
    public PointMetrics Evaluate(ReadOnlySpan<double> theta)
    {
        CheckLength(theta.Length);
        var x = new double[Dimension];
        Product(theta, x);
        var largest = x.Max(Math.Abs);
        var support = largest > 0 ? x.Count(v => Math.Abs(v) > SensingAnalysis.RankThreshold * largest) : 0;
        if (Depth == 1)
            return new PointMetrics(SensingAnalysis.RelativeError(x, Truth), support, double.NaN, []);

        var gap = 0.0;
        for (var j = 0; j < Depth; j++)
            for (var l = j + 1; l < Depth; l++)
                for (var i = 0; i < Dimension; i++)
                {
                    var difference = Square(theta[j * Dimension + i]) - Square(theta[l * Dimension + i]);
                    gap += difference * difference;
                }
        var balance = Math.Sqrt(gap) / Kernels.SumOfSquares(theta);
        var flatGap = FlatPenalty(theta) / (2 * Depth * WeightedPower(x, Exponent)) - 1;
        return new PointMetrics(SensingAnalysis.RelativeError(x, Truth), support, balance, [new("flat_gap", flatGap)]);
    }

    /// <summary>2 L sum_i D_i |x*_i|^q: the trace of the balanced factorization of x*, the flattest one.</summary>
    public double FlatTraceAtTruth { get; }

    /// <summary>
    /// 2 L: where every |v_{l,i}| &lt;= 1 (the factors of a unit-norm x*), the Gauss-Newton part of the Hessian is
    /// (2/m) ||A sum_j (prod_{l != j} v_l) * dv_j||^2 &lt;= 2 lambda L ||dv||^2.
    /// </summary>
    protected override double CurvatureBound => 2 * Depth;

    /// <summary>
    /// flat: min sum_i D_i |x_i|^q s.t. A x = b, q = 2 - 2/L (depth &gt;= 2; at depth 1 every interpolant is
    /// equally flat and the run ends as diverged with that reason); nuclear: min ||x||_1 s.t. A x = b.
    /// q = 1 (nuclear, and flat at depth 2) is a linear program, solved exactly with its certificate by
    /// <see cref="WeightedL1Program"/>; 1 &lt; q &lt; 2, or an LP that fails (inconsistent noisy data), by
    /// <see cref="PowerPenaltySolver"/>. Returns the balanced factors of the solution,
    /// |v_{l,i}| = |x_i|^{1/L} with the sign of x_i on v_1 (the flattest factorization of x).
    /// </summary>
    public Solution SolveConvex(ConvexObjective objective, ConvexOptions options, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(options);
        var theta = new double[ParameterCount];
        if (objective == ConvexObjective.Flat && Depth == 1)
        {
            Array.Fill(theta, double.NaN);
            return new Solution(theta, TrialStatus.Diverged, 0,
                "flat-convex does not apply at depth 1: the Hessian trace 2 tr D is the same at every interpolant.");
        }
        var (weights, q) = objective == ConvexObjective.Flat
            ? (_columnWeights.ToArray(), Exponent)
            : (Enumerable.Repeat(1.0, Dimension).ToArray(), 1.0);
        string? lpReason = null;
        if (q == 1)
        {
            var rows = Enumerable.Range(0, Measurements.Count).Select(i => Measurements.Matrix(i).ToArray()).ToArray();
            var exact = WeightedL1Program.Solve(rows, Data, weights);
            if (exact.Status == TrialStatus.Converged)
            {
                BalancedFactors(exact.X, theta);
                return new Solution(theta, exact.Status, exact.Iterations, exact.Reason, exact.Certificate);
            }
            lpReason = $"The exact LP failed ({exact.Reason}); ADMM was used instead.";
        }
        var constraint = AffineProjector.Build(Measurements, Data, SpdRoots.Identity(1), SpdRoots.Identity(Dimension));
        var (x, status, iterations, reason) = PowerPenaltySolver.Solve(constraint, weights, q, options, cancellation);
        BalancedFactors(x, theta);
        var reasons = new[] { lpReason, reason }.OfType<string>().ToArray();
        return new Solution(theta, status, iterations, reasons.Length == 0 ? null : string.Join(" ", reasons));
    }

    /// <summary>theta of the balanced factorization of x: v_{1,i} = sign(x_i) |x_i|^{1/L}, v_{l,i} = |x_i|^{1/L} for l &gt; 1.</summary>
    public void BalancedFactors(ReadOnlySpan<double> x, Span<double> theta)
    {
        CheckLength(theta.Length);
        for (var i = 0; i < Dimension; i++)
        {
            var root = Math.Pow(Math.Abs(x[i]), 1.0 / Depth);
            for (var l = 0; l < Depth; l++)
                theta[l * Dimension + i] = l == 0 && x[i] < 0 ? -root : root;
        }
    }

    /// <summary>x = v_1 * ... * v_L.</summary>
    public void Product(ReadOnlySpan<double> theta, Span<double> x)
    {
        CheckLength(theta.Length);
        for (var i = 0; i < Dimension; i++) x[i] = Others(theta, i, -1, -1);
    }

    /// <summary>sum_i D_i |x_i|^q.</summary>
    private double WeightedPower(ReadOnlySpan<double> x, double q)
    {
        var sum = 0.0;
        for (var i = 0; i < Dimension; i++) sum += _columnWeights[i] * Math.Pow(Math.Abs(x[i]), q);
        return sum;
    }

    /// <summary>2 sum_i D_i sum_j prod_{l != j} v_{l,i}^2.</summary>
    protected override double FlatPenalty(ReadOnlySpan<double> theta)
    {
        var sum = 0.0;
        for (var i = 0; i < Dimension; i++)
        {
            var inner = 0.0;
            for (var j = 0; j < Depth; j++) inner += Square(Others(theta, i, j, j));
            sum += _columnWeights[i] * inner;
        }
        return 2 * sum;
    }

    /// <summary>prod_{l != skip1, skip2} v_{l,i} (pass -1 to skip nothing).</summary>
    private double Others(ReadOnlySpan<double> theta, int i, int skip1, int skip2)
    {
        var product = 1.0;
        for (var l = 0; l < Depth; l++)
            if (l != skip1 && l != skip2) product *= theta[l * Dimension + i];
        return product;
    }

    private static double Square(double v) => v * v;
}
