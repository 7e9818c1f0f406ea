using Sweeps.Numerics.LinearAlgebra;
using Sweeps.Numerics.Methods;
using Sweeps.Numerics.Trials;

namespace Sweeps.Numerics.Convex;

/// <summary>
/// ADMM for  minimize ||Y||_*  s.t.  Ã(Y) = b  (or, with psd,  minimize trace(Y)  s.t.  Ã(Y) = b, Y PSD),
/// split as g(Z) + indicator(Y in affine set) with Y = Z; in scaled form, with penalty rho:
///   Y+ = Proj(Z - U),   Z+ = prox_{g/rho}(Y+ + U),   U+ = U + Y+ - Z+.
/// Proj is the cached affine projection (<see cref="AffineProjector"/>); the prox is spectral
/// shrinkage by 1/rho (<see cref="SpectralShrinkage"/>). Residuals, relative:
///   primal = ||Y - Z||_F / max(||Y||_F, ||Z||_F),   dual = rho ||Z - Z_prev||_F / ||rho U||_F;
/// both at most the tolerance means converged. Residual balancing doubles or halves rho (rescaling U)
/// when one residual exceeds ten times the other. The returned point is the low-rank iterate Z.
/// </summary>
public static class TraceNormSolver
{
    private const double BalanceRatio = 10, BalanceFactor = 2;
    private const int CancellationStride = 16;

    public static TraceNormResult Solve(
        AffineProjector constraint, int rows, int cols, bool psd, ConvexOptions options, CancellationToken cancellation)
    {
        var n = rows * cols;
        var y = new double[n];
        constraint.Project(y);
        var scale = Kernels.Norm(y);
        if (scale == 0)
            return new TraceNormResult(LowRankMatrix.Zero(rows, cols), TrialStatus.Converged, 0, 0, 0, null);

        // Start with a threshold at a typical singular value of the least-norm interpolant.
        var rho = Math.Sqrt(Math.Min(rows, cols)) / scale;
        var z = (double[])y.Clone();
        var u = new double[n];
        var zPrevious = new double[n];
        var work = new double[n];
        var solution = LowRankMatrix.Zero(rows, cols);
        double primal = double.NaN, dual = double.NaN;
        for (var iteration = 1; iteration <= options.MaxIterations; iteration++)
        {
            if (iteration % CancellationStride == 0) cancellation.ThrowIfCancellationRequested();

            for (var i = 0; i < n; i++) y[i] = z[i] - u[i];
            constraint.Project(y);
            z.CopyTo(zPrevious, 0);
            for (var i = 0; i < n; i++) work[i] = y[i] + u[i];
            solution = SpectralShrinkage.Shrink(work, rows, cols, 1 / rho, psd);
            solution.WriteDense(z);
            for (var i = 0; i < n; i++) u[i] += y[i] - z[i];

            primal = Kernels.Distance(y, z) / Math.Max(Kernels.Norm(y), Kernels.Norm(z));
            dual = Kernels.Distance(z, zPrevious) / Kernels.Norm(u);
            if (!double.IsFinite(primal) || !Kernels.AllFinite(z))
                return new TraceNormResult(solution, TrialStatus.Diverged, iteration, primal, dual,
                    $"ADMM produced non-finite values at iteration {iteration}.");
            if (primal <= options.Tolerance && dual <= options.Tolerance)
                return new TraceNormResult(solution, TrialStatus.Converged, iteration, primal, dual, null);

            if (primal > BalanceRatio * dual)
            {
                rho *= BalanceFactor;
                Kernels.Scale(1 / BalanceFactor, u);
            }
            else if (dual > BalanceRatio * primal)
            {
                rho /= BalanceFactor;
                Kernels.Scale(BalanceFactor, u);
            }
        }
        return new TraceNormResult(solution, TrialStatus.IterationLimit, options.MaxIterations, primal, dual,
            $"ADMM stopped at the iteration cap {options.MaxIterations} with relative residuals primal {primal:G3}, dual {dual:G3} (tolerance {options.Tolerance:G3}).");
    }
}
