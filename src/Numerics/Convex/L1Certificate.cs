namespace Sweeps.Numerics.Convex;

/// <summary>
/// The measured duality gap of  minimize sum_i w_i |x_i|  s.t.  A x = b  at a primal point x and a
/// multiplier y. Weak duality: for A x = b and |A^T y|_i &lt;= w_i, sum_i w_i |x_i| &gt;= (A^T y)^T x = b^T y.
/// y is scaled into the dual-feasible set, y' = y / max(1, max_i |A^T y|_i / w_i), and the gap is
/// (sum_i w_i |x_i| - b^T y') / sum_i w_i |x_i|, with the primal residual ||A x - b|| / ||b||
/// (<see cref="Certificate"/>). A small gap proves x optimal to that relative accuracy whatever y was.
/// </summary>
public static class L1Certificate
{
    public static Certificate Check(IReadOnlyList<double[]> rows, ReadOnlySpan<double> b, ReadOnlySpan<double> w, ReadOnlySpan<double> x, ReadOnlySpan<double> y)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var primal = 0.0;
        for (var j = 0; j < x.Length; j++) primal += w[j] * Math.Abs(x[j]);
        var residual = 0.0;
        for (var i = 0; i < rows.Count; i++)
        {
            var r = Kernels.Dot(rows[i], x) - b[i];
            residual += r * r;
        }
        var dual = Kernels.Dot(b, y) / (1 + DualInfeasibility(rows, w, y));
        return Certificate.Of(primal, dual, Math.Sqrt(residual) / Math.Max(Kernels.Norm(b), double.Epsilon), Certificate.ExactTolerance);
    }

    /// <summary>max(0, max_i |A^T y|_i / w_i - 1): how far y is outside the dual-feasible set.</summary>
    public static double DualInfeasibility(IReadOnlyList<double[]> rows, ReadOnlySpan<double> w, ReadOnlySpan<double> y)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var adjoint = new double[w.Length];
        for (var i = 0; i < rows.Count; i++) Kernels.Axpy(y[i], rows[i], adjoint);
        var worst = 0.0;
        for (var j = 0; j < adjoint.Length; j++) worst = Math.Max(worst, Math.Abs(adjoint[j]) / w[j] - 1);
        return worst;
    }
}
