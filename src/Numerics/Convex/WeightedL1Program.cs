using Google.OrTools.LinearSolver;
using MathNet.Numerics.LinearAlgebra;

namespace Sweeps.Numerics.Convex;

/// <summary>
/// minimize sum_i w_i |x_i|  s.t.  A x = b  (w_i &gt; 0) exactly, as the linear program
///   minimize w^T (u + v)  s.t.  A (u - v) = b,  u, v &gt;= 0,  x = u - v
/// solved by GLOP (Google OR-Tools' simplex; deterministic, single-threaded). Its dual is
///   maximize b^T y  s.t.  |A^T y|_i &lt;= w_i,
/// and the simplex returns y as the multipliers of A(u - v) = b.
/// Polish: on the support S of the vertex x, x_S = argmin ||A_S x_S - b|| (thin QR) and y is moved by
/// the least-norm correction that makes A_S^T y = w_S sign(x_S) exact (the KKT equations on S);
/// either is kept only when it keeps the signs and lowers its residual.
/// Then <see cref="L1Certificate"/> measures the gap.
/// </summary>
public static class WeightedL1Program
{
    /// <summary>The result: x, the multiplier y, and how the solve ended.</summary>
    public sealed record Result(double[] X, double[] Y, TrialStatus Status, int Iterations, string? Reason, Certificate Certificate);

    public static Result Solve(IReadOnlyList<double[]> rows, ReadOnlySpan<double> b, ReadOnlySpan<double> w)
    {
        ArgumentNullException.ThrowIfNull(rows);
        int m = rows.Count, n = w.Length;
        if (b.Length != m) throw new ArgumentException($"b: length {b.Length} differs from m = {m}.", nameof(b));

        using var solver = Solver.CreateSolver("GLOP")
            ?? throw new InvalidOperationException("OR-Tools could not create the GLOP solver.");
        solver.SuppressOutput();
        var positive = new Variable[n];
        var negative = new Variable[n];
        var objective = solver.Objective();
        for (var j = 0; j < n; j++)
        {
            positive[j] = solver.MakeNumVar(0, double.PositiveInfinity, $"u{j}");
            negative[j] = solver.MakeNumVar(0, double.PositiveInfinity, $"v{j}");
            objective.SetCoefficient(positive[j], w[j]);
            objective.SetCoefficient(negative[j], w[j]);
        }
        objective.SetMinimization();
        var equations = new Constraint[m];
        for (var i = 0; i < m; i++)
        {
            equations[i] = solver.MakeConstraint(b[i], b[i], $"a{i}");
            var row = rows[i];
            for (var j = 0; j < n; j++)
            {
                if (row[j] == 0) continue;
                equations[i].SetCoefficient(positive[j], row[j]);
                equations[i].SetCoefficient(negative[j], -row[j]);
            }
        }

        var status = solver.Solve();
        var iterations = (int)Math.Min(solver.Iterations(), int.MaxValue);
        var x = new double[n];
        var y = new double[m];
        if (status != Solver.ResultStatus.OPTIMAL)
        {
            Array.Fill(x, double.NaN);
            var reason = status == Solver.ResultStatus.INFEASIBLE
                ? "the measurements admit no exact interpolant (A x = b is inconsistent), so the l1 program has no feasible point."
                : $"GLOP ended with status {status}.";
            return new Result(x, y, TrialStatus.Diverged, iterations, reason, Certificate.None);
        }
        for (var j = 0; j < n; j++) x[j] = positive[j].SolutionValue() - negative[j].SolutionValue();
        for (var i = 0; i < m; i++) y[i] = equations[i].DualValue();

        Polish(rows, b, w, x, y);
        return new Result(x, y, TrialStatus.Converged, iterations, null, L1Certificate.Check(rows, b, w, x, y));
    }

    /// <summary>The KKT equations on the support S, to machine precision (see the class summary).</summary>
    private static void Polish(IReadOnlyList<double[]> rows, ReadOnlySpan<double> b, ReadOnlySpan<double> w, double[] x, double[] y)
    {
        int m = rows.Count;
        var largest = x.Max(Math.Abs);
        if (largest == 0) return;
        var support = Enumerable.Range(0, x.Length).Where(j => Math.Abs(x[j]) > 1e-14 * largest).ToArray();
        if (support.Length > m) return;
        var aS = Matrix<double>.Build.Dense(m, support.Length, (i, k) => rows[i][support[k]]);
        var qr = aS.QR(MathNet.Numerics.LinearAlgebra.Factorization.QRMethod.Thin);
        if (Enumerable.Range(0, support.Length).Any(k => Math.Abs(qr.R[k, k]) <= 1e-12 * Math.Abs(qr.R[0, 0]))) return;

        var data = Vector<double>.Build.DenseOfArray(b.ToArray());
        var xS = qr.Solve(data);
        var polished = (double[])x.Clone();
        for (var k = 0; k < support.Length; k++) polished[support[k]] = xS[k];
        if (support.All(j => Math.Sign(polished[j]) == Math.Sign(x[j])) && PrimalResidual(rows, b, polished) <= PrimalResidual(rows, b, x))
            polished.CopyTo(x, 0);

        // y + Q R^{-T} r, r = w_S sign(x_S) - A_S^T y: the least-norm change that solves A_S^T y = w_S sign(x_S).
        var current = Vector<double>.Build.DenseOfArray(y);
        var target = Vector<double>.Build.Dense(support.Length);
        for (var k = 0; k < support.Length; k++) target[k] = w[support[k]] * Math.Sign(x[support[k]]);
        var correction = qr.Q * qr.R.Transpose().Solve(target - aS.TransposeThisAndMultiply(current));
        var corrected = (current + correction).ToArray();
        if (L1Certificate.DualInfeasibility(rows, w, corrected) <= Math.Max(L1Certificate.DualInfeasibility(rows, w, y), 1e-12))
            corrected.CopyTo(y, 0);
    }

    private static double PrimalResidual(IReadOnlyList<double[]> rows, ReadOnlySpan<double> b, double[] x)
    {
        var sum = 0.0;
        for (var i = 0; i < rows.Count; i++)
        {
            var r = Kernels.Dot(rows[i], x) - b[i];
            sum += r * r;
        }
        return Math.Sqrt(sum);
    }
}
