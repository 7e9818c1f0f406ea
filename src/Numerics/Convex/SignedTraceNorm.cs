using MathNet.Numerics.LinearAlgebra;

namespace Sweeps.Numerics.Convex;

/// <summary>
/// The convex methods of the quadratic network (docs/SCIENCE.md 2.6), X = U1 U1^T - U2 U2^T symmetric:
///   minimize ||D X D||_*  s.t.  A(X) = b                       (student with a negative part, k2 &gt; 0),
///   minimize trace(D X D) s.t.  A(X) = b, X PSD                (k2 = 0: the student can only make PSD X),
/// with D = I for the nuclear baseline. Solved in Y = D X D by <see cref="TraceNormSolver"/> (the
/// measurements are symmetric, so the iterates stay symmetric); with D Y D's eigendecomposition
/// Y = E_+ diag(l_+) E_+^T - E_- diag(l_-) E_-^T the flat factors are U1 = D^{-1} E_+ diag(l_+)^{1/2},
/// U2 = D^{-1} E_- diag(l_-)^{1/2}: then U1 U1^T - U2 U2^T = X and ||D U1||_F^2 + ||D U2||_F^2 = ||Y||_*,
/// the least value over all factorizations of X. Parts wider than k (or k2) keep their largest terms.
/// </summary>
public static class SignedTraceNorm
{
    /// <summary>
    /// Returns theta = [U1 (d x <paramref name="positiveWidth"/>), U2 (d x <paramref name="negativeWidth"/>)], both
    /// row-major, built from the solution with weight D = <paramref name="weight"/>.Half.
    /// </summary>
    public static Solution Solve(
        IMeasurementOperator measurements, ReadOnlySpan<double> data, SpdRoots weight,
        int positiveWidth, int negativeWidth, ConvexOptions options, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(measurements);
        ArgumentNullException.ThrowIfNull(weight);
        var d = weight.Dimension;
        var constraint = AffineConstraint.For(measurements, data, weight, weight);
        var result = TraceNormSolver.Solve(constraint, d, d, psd: negativeWidth == 0, options, cancellation);
        var (positive, negative) = Split(result.Solution);
        var positiveFactors = FlatFactors.From(positive, weight, weight, positiveWidth);
        var negativeFactors = FlatFactors.From(negative, weight, weight, negativeWidth);
        var theta = new double[d * (positiveWidth + negativeWidth)];
        positiveFactors.Left.CopyTo(theta, 0);
        negativeFactors.Left.CopyTo(theta, d * positiveWidth);
        var reasons = new[]
        {
            result.Reason,
            positiveFactors.Note is { } p ? "positive part: " + p : null,
            negativeFactors.Note is { } n ? "negative part: " + n : null,
            ConvexSensing.DroppedNote(constraint, measurements.Count),
        }.OfType<string>().ToArray();
        return new Solution(theta, result.Status, result.Iterations, reasons.Length == 0 ? null : string.Join(" ", reasons));
    }

    /// <summary>
    /// The positive and negative eigen-parts of sym(Y), each as a PSD <see cref="LowRankMatrix"/>
    /// (eigenvalues of size at most <see cref="FlatFactors.RankTolerance"/> times the largest are dropped).
    /// </summary>
    private static (LowRankMatrix Positive, LowRankMatrix Negative) Split(LowRankMatrix y)
    {
        var d = y.Rows;
        var dense = new double[d * d];
        y.WriteDense(dense);
        var evd = Matrix<double>.Build.Dense(d, d, (i, j) => 0.5 * (dense[i * d + j] + dense[j * d + i])).Evd(Symmetricity.Symmetric);
        var values = Enumerable.Range(0, d).Select(i => evd.EigenValues[i].Real).ToArray();
        var top = values.Length == 0 ? 0 : values.Max(Math.Abs);
        LowRankMatrix Part(int sign)
        {
            var kept = Enumerable.Range(0, d)
                .Where(i => sign * values[i] > FlatFactors.RankTolerance * top)
                .OrderByDescending(i => sign * values[i])
                .ToArray();
            var vectors = new double[d * kept.Length];
            for (var c = 0; c < kept.Length; c++)
                for (var a = 0; a < d; a++)
                    vectors[a * kept.Length + c] = evd.EigenVectors[a, kept[c]];
            return new LowRankMatrix(d, d, vectors, kept.Select(i => sign * values[i]).ToArray(), (double[])vectors.Clone());
        }
        return (Part(+1), Part(-1));
    }
}
