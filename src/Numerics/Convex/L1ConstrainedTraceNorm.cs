namespace Sweeps.Numerics.Convex;

/// <summary>
/// minimize ||X||_*  s.t.  ||Y - X||_{1,1} &lt;= tau  (the flat program of robust PCA, docs/SCIENCE.md 2.5) by
/// <see cref="AffineAdmm"/>: the constraint set is Y - B with B the l1 ball of radius tau, whose projection is
/// Proj(V) = Y - Proj_B(Y - V) (<see cref="L1Ball"/>); the prox is singular-value soft-thresholding. The
/// returned point is the low-rank iterate Z.
/// </summary>
public static class L1ConstrainedTraceNorm
{
    /// <summary>Solves for X (rows x cols, row-major) given the data Y and the radius tau &gt;= 0.</summary>
    public static TraceNormResult Solve(
        ReadOnlySpan<double> y, int rows, int cols, double tau, ConvexOptions options, CancellationToken cancellation)
    {
        ArgumentNullException.ThrowIfNull(options);
        var n = rows * cols;
        if (y.Length != n) throw new ArgumentException($"y: length {y.Length} is not {rows} x {cols}.", nameof(y));
        var data = y.ToArray();
        var scratch = new double[n];
        void Project(Span<double> v)
        {
            for (var i = 0; i < n; i++) v[i] = data[i] - v[i];
            L1Ball.Project(v, tau, scratch);
            for (var i = 0; i < n; i++) v[i] = data[i] - v[i];
        }

        var solution = LowRankMatrix.Zero(rows, cols);
        void Shrink(ReadOnlySpan<double> v, double threshold, Span<double> z)
        {
            solution = SpectralShrinkage.Shrink(v, rows, cols, threshold, psd: false);
            solution.WriteDense(z);
        }

        var x = new double[n];
        var outcome = AffineAdmm.Run(Project, n, Shrink, Math.Min(rows, cols), x, options, cancellation);
        return new TraceNormResult(solution, outcome.Status, outcome.Iterations, outcome.PrimalResidual, outcome.DualResidual, outcome.Reason);
    }
}
