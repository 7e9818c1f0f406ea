using MathNet.Numerics.LinearAlgebra;
using Sweeps.Numerics.Convex;

namespace Sweeps.Numerics.Problems.Deep;

/// <summary>
/// Deep matrix factorization (docs/SCIENCE.md 2.7): X = W_L ... W_1 with W_1 (k x d2), W_j (k x k) for
/// 1 &lt; j &lt; L, W_L (d1 x k); theta = [W_1, ..., W_L], each row-major. Gaussian sensing as in 2.1:
/// f = (1/m) ||A(X) - b||^2, and with G = (2/m) sum_i r_i A_i, grad_{W_j} f = W_{&gt;j}^T G W_{&lt;j}^T
/// (W_{&gt;j} = W_L ... W_{j+1}, W_{&lt;j} = W_{j-1} ... W_1, empty products are identities).
/// X is linear in each W_j, so the residual part of the Hessian has a zero diagonal and, exactly everywhere,
/// tr Hess f = (2/m) sum_j sum_i ||W_{&gt;j}^T A_i W_{&lt;j}^T||_F^2 = 2 sum_j &lt;T(W_{&lt;j}^T W_{&lt;j}), W_{&gt;j} W_{&gt;j}^T&gt;
/// with the Gram sum T(C) = (1/m) sum_i A_i C A_i^T (d2 x d2 -&gt; d1 x d1); T(I) = P, T^*(I) = Q (2.1), so
/// the first and last terms are 2&lt;P, W_{&gt;1} W_{&gt;1}^T&gt; and 2&lt;Q, W_{&lt;L}^T W_{&lt;L}&gt;, and at depth 2
/// (L = W_2, R = W_1^T) this is general sensing's 2&lt;P, L L^T&gt; + 2&lt;Q, R R^T&gt;.
/// The convex methods see it as general sensing (<see cref="IMatrixSensingProblem"/>, weights P and Q) and
/// their flat pair is split across the layers by <see cref="PackFactors"/>.
/// </summary>
public sealed class DeepFactorizationProblem : IMatrixSensingProblem
{
    private readonly GeneralSensingProblem _sensing;
    private readonly GeneralMeasurementOperator _operator;
    private readonly LeastSquaresFit _fit;
    private readonly int[] _offsets;
    private readonly double[][] _below;
    private readonly double[][] _above;
    private readonly double[][] _belowBar;
    private readonly double[][] _aboveBar;
    private readonly double[] _backward;
    private readonly double[] _backwardNext;
    private readonly double[] _leftGram;
    private readonly double[] _rightGram;
    private readonly double[] _gram1;
    private readonly double[] _gram2;
    private readonly double[] _mapped;
    private readonly double[] _mappedTransposed;
    private readonly double[] _squareScratch;
    private readonly double[] _aboveScratch;
    private readonly double[] _belowScratch;
    private readonly double[] _penaltyGradient;
    private readonly double[] _terms;
    private (SpdRoots P, SpdRoots Q)? _roots;
    private double? _flatTraceAtTruth;
    private double? _suggestedStep;

    internal DeepFactorizationProblem(GeneralSensingProblem sensing, GeneralMeasurementOperator measurements, int depth)
    {
        _sensing = sensing;
        _operator = measurements;
        Depth = depth;
        int d1 = sensing.D1, d2 = sensing.D2, k = sensing.Width;
        _fit = new LeastSquaresFit(measurements, sensing.Data.ToArray());
        _offsets = new int[depth + 1];
        for (var j = 0; j < depth; j++) _offsets[j + 1] = _offsets[j] + LayerRows(j) * LayerCols(j);
        _below = Enumerable.Range(0, depth).Select(j => j == 0 ? [] : new double[k * d2]).ToArray();
        _belowBar = Enumerable.Range(0, depth).Select(j => j == 0 ? [] : new double[k * d2]).ToArray();
        _above = Enumerable.Range(0, depth).Select(j => j == depth - 1 ? [] : new double[d1 * k]).ToArray();
        _aboveBar = Enumerable.Range(0, depth).Select(j => j == depth - 1 ? [] : new double[d1 * k]).ToArray();
        _backward = new double[Math.Max(d1, k) * d2];
        _backwardNext = new double[Math.Max(d1, k) * d2];
        _leftGram = new double[d1 * d1];
        _rightGram = new double[d2 * d2];
        _gram1 = new double[d1 * d1];
        _gram2 = new double[d2 * d2];
        _mapped = new double[d1 * k];
        _mappedTransposed = new double[d2 * k];
        _squareScratch = new double[k * k];
        _aboveScratch = new double[d1 * k];
        _belowScratch = new double[k * d2];
        _penaltyGradient = new double[_offsets[depth]];
        _terms = new double[depth];
    }

    public string Family => DeepFactorizationFamily.FamilyName;

    /// <summary>L, the number of factors (at least 2).</summary>
    public int Depth { get; }

    public int ParameterCount => _offsets[Depth];

    public IMeasurementOperator Measurements => _operator;

    public ReadOnlySpan<double> Data => _sensing.Data;

    public double NoiseLevel => _sensing.NoiseLevel;

    public bool Symmetric => false;

    public int D1 => _sensing.D1;

    public int D2 => _sensing.D2;

    /// <summary>k, the inner width of every layer.</summary>
    public int Width => _sensing.Width;

    /// <summary>P = (1/m) sum A_i A_i^T (d1 x d1).</summary>
    public ReadOnlySpan<double> LeftWeight => _sensing.LeftWeight;

    /// <summary>Q = (1/m) sum A_i^T A_i (d2 x d2).</summary>
    public ReadOnlySpan<double> RightWeight => _sensing.RightWeight;

    /// <summary>M (d1 x d2, row-major, rank r, unit Frobenius norm).</summary>
    public ReadOnlySpan<double> Truth => _sensing.Truth;

    /// <summary>Rows of layer j (0-based: W_{j+1}): d1 for the last, k otherwise.</summary>
    public int LayerRows(int j) => j == Depth - 1 ? D1 : Width;

    /// <summary>Columns of layer j (0-based: W_{j+1}): d2 for the first, k otherwise.</summary>
    public int LayerCols(int j) => j == 0 ? D2 : Width;

    /// <summary>Layer j (0-based, W_{j+1}) of theta, row-major.</summary>
    public ReadOnlySpan<double> Layer(ReadOnlySpan<double> theta, int j) => theta[_offsets[j].._offsets[j + 1]];

    /// <summary>X = W_L ... W_1 (d1 x d2, row-major).</summary>
    public void Product(ReadOnlySpan<double> theta, Span<double> x)
    {
        CheckLength(theta.Length);
        ForwardProducts(theta);
        MatrixProduct.Multiply(Layer(theta, Depth - 1), _below[Depth - 1], x, D1, Width, D2);
    }

    public double Loss(ReadOnlySpan<double> theta)
    {
        Product(theta, _fit.Model);
        return _fit.Evaluate();
    }

    /// <summary>Backpropagation: H_L = G, grad W_j = H_j W_{&lt;j}^T, H_{j-1} = W_j^T H_j.</summary>
    public double LossAndGradient(ReadOnlySpan<double> theta, Span<double> gradient)
    {
        CheckLength(gradient.Length);
        Product(theta, _fit.Model);
        var loss = _fit.EvaluateWithAdjoint();
        var h = _backward.AsSpan(0, D1 * D2);
        h.Clear();
        Kernels.Axpy(2.0 / _fit.Count, _fit.Adjoint, h);
        for (var j = Depth - 1; j >= 0; j--)
        {
            var layerGradient = Layer(gradient, j);
            if (j == 0)
            {
                h.CopyTo(layerGradient);
                break;
            }
            DenseProducts.MultiplyTransposed(h, _below[j], D2, layerGradient);
            var next = _backwardNext.AsSpan(0, Width * D2);
            next.Clear();
            DenseProducts.AddTransposedProduct(1.0, Layer(theta, j), h, D2, next);
            next.CopyTo(_backward);
            h = _backward.AsSpan(0, Width * D2);
        }
        return loss;
    }

    public double HessianTrace(ReadOnlySpan<double> theta)
    {
        CheckLength(theta.Length);
        return Penalty(theta, withGradient: false);
    }

    /// <summary>The trace formula above (the same at every point); its gradient by reverse mode through the partial products.</summary>
    public double AddFlatPenalty(ReadOnlySpan<double> theta, double scale, Span<double> gradient)
    {
        CheckLength(theta.Length);
        CheckLength(gradient.Length);
        var value = Penalty(theta, withGradient: scale != 0);
        if (scale != 0) Kernels.Axpy(scale, _penaltyGradient, gradient);
        return value;
    }

    /// <summary>
    /// Every layer i.i.d. N(0, s^2) with s = (scale^2 / (d1 d2 k^{L-1}))^{1/(2L)}: by independence
    /// E ||W_L ... W_1||_F^2 = d1 d2 k^{L-1} s^{2L} = scale^2 (the truth has norm 1). A small scale is the
    /// small-initialization setting of Arora et al. (every factor small, the product of norm about scale).
    /// </summary>
    public void Initialize(ref RandomStream stream, double scale, Span<double> theta)
    {
        CheckLength(theta.Length);
        var s = Math.Pow(scale * scale / (D1 * (double)D2 * Math.Pow(Width, Depth - 1)), 0.5 / Depth);
        stream.FillNormal(theta, s);
    }

    /// <summary>
    /// Relative error, numerical rank of X, balance gap sqrt(sum_j ||W_{j+1}^T W_{j+1} - W_j W_j^T||_F^2) / sum_j ||W_j||_F^2
    /// (at depth 2 the 2.1 gap with L = W_2, R = W_1^T), and extra norm_gap = sum_j ||W_j||_F^2 / (L sum_i s_i(X)^{2/L}) - 1
    /// (&gt;= 0; 0 exactly at the balanced SVD split, the minimum of sum_j ||W_j||_F^2 over factorizations of X).
    /// </summary>
    public PointMetrics Evaluate(ReadOnlySpan<double> theta)
    {
        var x = new double[D1 * D2];
        Product(theta, x);
        var singular = SensingAnalysis.SingularValues(x, D1, D2);
        var gap = 0.0;
        for (var j = 0; j + 1 < Depth; j++)
        {
            var upper = Matrix<double>.Build.DenseOfRowMajor(LayerRows(j + 1), Width, Layer(theta, j + 1).ToArray());
            var lower = Matrix<double>.Build.DenseOfRowMajor(Width, LayerCols(j), Layer(theta, j).ToArray());
            var difference = (upper.TransposeThisAndMultiply(upper) - lower.TransposeAndMultiply(lower)).FrobeniusNorm();
            gap += difference * difference;
        }
        var squaredNorms = Kernels.SumOfSquares(theta);
        var normGap = squaredNorms / (Depth * singular.Sum(s => Math.Pow(s, 2.0 / Depth))) - 1;
        return new PointMetrics(
            SensingAnalysis.RelativeError(x, Truth),
            SensingAnalysis.NumericalRank(singular),
            Math.Sqrt(gap) / squaredNorms,
            [new("norm_gap", normGap)]);
    }

    /// <summary>
    /// The trace of the split (<see cref="PackFactors"/>, rebalanced) of the flat pair of the truth,
    /// L = P^{-1/2} U S^{1/2}, R = Q^{-1/2} V S^{1/2} with P^{1/2} M Q^{1/2} = U S V^T. At depth 2 this is the
    /// minimum over all factorizations, 4 ||P^{1/2} M Q^{1/2}||_* (2.1); at depth &gt;= 3 it is the trace of a
    /// balanced SVD split with the best scalar rescaling of its layers: an upper bound on the minimum, which
    /// the nonconvex flat-penalty can beat (flatness ratios below 1).
    /// </summary>
    public double FlatTraceAtTruth => _flatTraceAtTruth ??= ComputeFlatTraceAtTruth();

    /// <summary>
    /// 1 / (2 L lambda), lambda = lambda_max(A^*A) / m: where every ||W_j||_op &lt;= 1 (the balanced factors of
    /// a unit-norm truth), the Gauss-Newton part of the Hessian is
    /// (2/m) ||A(sum_j W_{&gt;j} dW_j W_{&lt;j})||^2 &lt;= 2 lambda (sum_j ||dW_j||_F)^2 &lt;= 2 L lambda ||dW||^2
    /// (at depth 2 general sensing's 1 / (4 lambda)).
    /// </summary>
    public double SuggestedStep => _suggestedStep ??= 1.0 / (2 * Depth * SensingAnalysis.NormalizedOperatorNorm(_operator));

    /// <summary>
    /// Splits a pair (L, R), X = L R^T, across the layers column by column: with a_c = ||P^{1/2} L_c||,
    /// b_c = ||Q^{1/2} R_c|| and g_c = a_c b_c, W_L = [L_c g_c^{1/L} / a_c], W_1 = [R_c g_c^{1/L} / b_c]^T and
    /// every middle layer diag(g_c^{1/L}); the product is sum_c L_c R_c^T = X for any pair. For the flat pair
    /// of 2.1 (L = P^{-1/2} U S^{1/2}, R = Q^{-1/2} V S^{1/2}) this is W_L = P^{-1/2} U S^{1/L},
    /// W_j = S^{1/L}, W_1 = S^{1/L} V^T Q^{-1/2}: the flat pair itself at depth 2, the balanced SVD split of
    /// the weighted matrix at depth &gt;= 3. Then the layers are rescaled by scalars (<see cref="Rebalance"/>),
    /// which changes nothing at depth 2 and lowers the trace at depth &gt;= 3 (still an approximation of the
    /// flattest factorization there).
    /// </summary>
    public void PackFactors(ReadOnlySpan<double> left, ReadOnlySpan<double> right, Span<double> theta)
    {
        CheckLength(theta.Length);
        int d1 = D1, d2 = D2, k = Width;
        if (left.Length != d1 * k || right.Length != d2 * k)
            throw new ArgumentException($"Expected L of length {d1 * k} and R of length {d2 * k}, got {left.Length} and {right.Length}.");
        var (p, q) = _roots ??= (SpdRoots.Of(LeftWeight, d1), SpdRoots.Of(RightWeight, d2));
        var weightedLeft = new double[d1 * k];
        var weightedRight = new double[d2 * k];
        MatrixProduct.Multiply(p.Half, left, weightedLeft, d1, d1, k);
        MatrixProduct.Multiply(q.Half, right, weightedRight, d2, d2, k);
        theta.Clear();
        var first = theta[_offsets[0].._offsets[1]];
        var last = theta[_offsets[Depth - 1].._offsets[Depth]];
        for (var c = 0; c < k; c++)
        {
            double a = ColumnNorm(weightedLeft, d1, k, c), b = ColumnNorm(weightedRight, d2, k, c);
            if (a == 0 || b == 0) continue;
            var root = Math.Pow(a * b, 1.0 / Depth);
            for (var row = 0; row < d1; row++) last[row * k + c] = left[row * k + c] * root / a;
            for (var col = 0; col < d2; col++) first[c * d2 + col] = right[col * k + c] * root / b;
            for (var j = 1; j < Depth - 1; j++) theta[_offsets[j] + c * k + c] = root;
        }
        Rebalance(theta);
    }

    /// <summary>
    /// Scales layer j by c_j with prod_j c_j = 1 (the product is unchanged) to minimize the trace: the term t_j
    /// is quadratic in every layer but W_j, so it becomes t_j / c_j^2, and by AM-GM sum_j t_j / c_j^2 &gt;= L (prod_j t_j)^{1/L}
    /// with equality at c_j = (t_j / g)^{1/2}, g = (prod_j t_j)^{1/L}. The flat pair at depth 2 already has t_1 = t_2.
    /// </summary>
    private void Rebalance(Span<double> theta)
    {
        Penalty(theta, withGradient: false);
        if (_terms.Any(t => !(t > 0))) return;
        var mean = Math.Exp(_terms.Average(Math.Log));
        for (var j = 0; j < Depth; j++) Kernels.Scale(Math.Sqrt(_terms[j] / mean), Layer(theta, j));
    }

    private static double ColumnNorm(double[] matrix, int rows, int cols, int c)
    {
        var sum = 0.0;
        for (var row = 0; row < rows; row++) sum += matrix[row * cols + c] * matrix[row * cols + c];
        return Math.Sqrt(sum);
    }

    /// <summary>W_{&lt;j} = W_{j-1} ... W_1 (k x d2) into _below[j] for 1 &lt;= j &lt; L (0-based j: the product of layers 0..j-1).</summary>
    private void ForwardProducts(ReadOnlySpan<double> theta)
    {
        Layer(theta, 0).CopyTo(_below[1]);
        for (var j = 1; j + 1 < Depth; j++)
            MatrixProduct.Multiply(Layer(theta, j), _below[j], _below[j + 1], Width, Width, D2);
    }

    /// <summary>W_{&gt;j} = W_L ... W_{j+1} (d1 x k) into _above[j] for 0 &lt;= j &lt; L - 1 (0-based: the product of layers L-1..j+1).</summary>
    private void BackwardProducts(ReadOnlySpan<double> theta)
    {
        Layer(theta, Depth - 1).CopyTo(_above[Depth - 2]);
        for (var j = Depth - 3; j >= 0; j--)
            MatrixProduct.Multiply(_above[j + 1], Layer(theta, j + 1), _above[j], D1, Width, Width);
    }

    /// <summary>
    /// sum_j t_j (each t_j kept in _terms), t_j = 2 &lt;W_{&gt;j}, T(W_{&lt;j}^T W_{&lt;j}) W_{&gt;j}&gt;; dt_j/dW_{&gt;j} = 4 T(C_j) W_{&gt;j},
    /// dt_j/dW_{&lt;j} = 4 W_{&lt;j} T^*(W_{&gt;j} W_{&gt;j}^T), propagated to the layers in reverse mode
    /// (W_{&gt;j} = W_{&gt;j+1} W_{j+1}, W_{&lt;j} = W_{j-1} W_{&lt;j-1}); the gradient goes to _penaltyGradient.
    /// </summary>
    private double Penalty(ReadOnlySpan<double> theta, bool withGradient)
    {
        ForwardProducts(theta);
        BackwardProducts(theta);
        int d2 = D2, k = Width, last = Depth - 1;

        // j = 0: C = I, T(I) = P.  j = L-1: B = I, T^*(I) = Q.
        _terms[0] = 2 * DenseProducts.WeightedSquare(LeftWeight, _above[0], k, _aboveScratch);
        if (withGradient)
        {
            _aboveBar[0].AsSpan().Clear();
            Kernels.Axpy(4, _aboveScratch, _aboveBar[0]);
        }
        _terms[last] = 2 * RightWeightedSquare(_below[last], _belowScratch);
        if (withGradient)
        {
            _belowBar[last].AsSpan().Clear();
            Kernels.Axpy(4, _belowScratch, _belowBar[last]);
        }
        for (var j = 1; j < last; j++)
        {
            GramSum(_below[j], _leftGram);
            _terms[j] = 2 * DenseProducts.WeightedSquare(_leftGram, _above[j], k, _aboveScratch);
            if (!withGradient) continue;
            _aboveBar[j].AsSpan().Clear();
            Kernels.Axpy(4, _aboveScratch, _aboveBar[j]);
            AdjointGramSum(_above[j], _rightGram);
            _belowBar[j].AsSpan().Clear();
            DenseProducts.MultiplyTransposed(_below[j], _rightGram, d2, _belowScratch);
            Kernels.Axpy(4, _belowScratch, _belowBar[j]);
        }
        var value = _terms.Sum();
        if (!withGradient) return value;

        var gradient = _penaltyGradient.AsSpan();
        gradient.Clear();
        // Through W_{>j} = W_{>j+1} W_{j+1}, j = 0 .. L-3; W_{>L-2} = W_L.
        for (var j = 0; j + 2 <= last; j++)
        {
            DenseProducts.MultiplyTransposed(_aboveBar[j], Layer(theta, j + 1), k, _aboveScratch);
            Kernels.Axpy(1, _aboveScratch, _aboveBar[j + 1]);
            DenseProducts.AddTransposedProduct(1, _above[j + 1], _aboveBar[j], k, Layer(gradient, j + 1));
        }
        Kernels.Axpy(1, _aboveBar[last - 1], Layer(gradient, last));
        // Through W_{<j} = W_{j-1} W_{<j-1}, j = L-1 .. 2; W_{<1} = W_1.
        for (var j = last; j >= 2; j--)
        {
            DenseProducts.AddTransposedProduct(1, Layer(theta, j - 1), _belowBar[j], d2, _belowBar[j - 1]);
            DenseProducts.MultiplyTransposed(_belowBar[j], _below[j - 1], d2, _squareScratch);
            Kernels.Axpy(1, _squareScratch, Layer(gradient, j - 1));
        }
        Kernels.Axpy(1, _belowBar[1], Layer(gradient, 0));
        return value;
    }

    /// <summary>&lt;Q, V^T V&gt; = &lt;V, V Q&gt; for V (k x d2); writes V Q into <paramref name="vq"/>.</summary>
    private double RightWeightedSquare(ReadOnlySpan<double> v, Span<double> vq)
    {
        DenseProducts.MultiplyTransposed(v, RightWeight, D2, vq);
        return Kernels.Dot(v, vq);
    }

    /// <summary>T(V^T V) = (1/m) sum_i (A_i V^T)(A_i V^T)^T (d1 x d1) for V (k x d2).</summary>
    private void GramSum(ReadOnlySpan<double> v, Span<double> result)
    {
        result.Clear();
        var m = _operator.Count;
        for (var i = 0; i < m; i++)
        {
            DenseProducts.MultiplyTransposed(_operator.Matrix(i), v, D2, _mapped);
            DenseProducts.Gram(_mapped, Width, _gram1);
            Kernels.Axpy(1.0 / m, _gram1, result);
        }
    }

    /// <summary>T^*(U U^T) = (1/m) sum_i (A_i^T U)(A_i^T U)^T (d2 x d2) for U (d1 x k).</summary>
    private void AdjointGramSum(ReadOnlySpan<double> u, Span<double> result)
    {
        result.Clear();
        var m = _operator.Count;
        for (var i = 0; i < m; i++)
        {
            Array.Clear(_mappedTransposed);
            DenseProducts.AddTransposedProduct(1.0, _operator.Matrix(i), u, Width, _mappedTransposed);
            DenseProducts.Gram(_mappedTransposed, Width, _gram2);
            Kernels.Axpy(1.0 / m, _gram2, result);
        }
    }

    private double ComputeFlatTraceAtTruth()
    {
        var (p, q) = _roots ??= (SpdRoots.Of(LeftWeight, D1), SpdRoots.Of(RightWeight, D2));
        var weighted = MatrixProduct.Sandwich(p.Half, Truth, q.Half, D1, D2);
        var svd = SpectralShrinkage.Shrink(weighted, D1, D2, 0, psd: false);
        var factors = FlatFactors.From(svd, p, q, Width);
        var theta = new double[ParameterCount];
        PackFactors(factors.Left, factors.Right, theta);
        return HessianTrace(theta);
    }

    private Span<double> Layer(Span<double> theta, int j) => theta[_offsets[j].._offsets[j + 1]];

    private void CheckLength(int length)
    {
        if (length != ParameterCount)
            throw new ArgumentException($"Expected theta of length k d2 + (L-2) k^2 + d1 k = {ParameterCount}, got {length}.");
    }
}
