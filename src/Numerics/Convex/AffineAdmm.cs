namespace Sweeps.Numerics.Convex;

/// <summary>
/// ADMM for  minimize g(Z)  s.t.  Y in a convex set C, Y = Z  (scaled form, penalty rho):
///   Y+ = Proj_C(Z - U),   Z+ = prox_{g/rho}(Y+ + U),   U+ = U + Y+ - Z+.
/// Proj_C is the cached affine projection (<see cref="AffineProjector"/>) or any other cheap projection
/// (the l1-ball constraint of robust PCA), the prox is the caller's.
/// Residuals, relative: primal = ||Y - Z|| / max(||Y||, ||Z||), dual = rho ||Z - Z_prev|| / ||rho U||;
/// both at most the tolerance means converged. Residual balancing doubles or halves rho (rescaling U)
/// when one residual exceeds three times the other. rho starts at sqrt(count) / ||Y_0|| (Y_0 = Proj_C(0),
/// the least-norm point of C), i.e. the threshold 1/rho sits at a typical one of <c>count</c> magnitudes
/// of Y_0 (singular values, or entries).
/// A caller may pass <c>stop</c>: every <see cref="StopStride"/> iterations it sees the feasible Y and may end the
/// run as converged with a reason (a verdict settled by the mathematics, <see cref="TruthRefutation"/>).
/// </summary>
internal static class AffineAdmm
{
    /// <summary>Writes prox_{threshold g}(v) into z (same length).</summary>
    public delegate void Proximal(ReadOnlySpan<double> v, double threshold, Span<double> z);

    /// <summary>Overwrites v with its Euclidean projection onto the constraint set.</summary>
    public delegate void Projection(Span<double> v);

    /// <summary>A reason to end the run at this feasible Y and iteration, or null to go on.</summary>
    public delegate string? Stop(ReadOnlySpan<double> y, int iteration);

    /// <summary>Iterations between two <see cref="Stop"/> checks: a check costs about one iteration.</summary>
    public const int StopStride = 25;

    // Balancing at a ratio of 3 instead of the textbook 10 (issue #12, measured): general sensing d = 50 converges in
    // 63-70 iterations instead of 120, completion d = 50, p = 0.3 in 1,950 instead of 3,250, and the two completion
    // trials of IterationCapTests that reached the cap at 10 finish.
    private const double BalanceRatio = 3, BalanceFactor = 2;
    private const int CancellationStride = 16;

    /// <summary>Runs ADMM; <paramref name="z"/> receives the last Z (zero when the least-norm interpolant is zero).</summary>
    public static AdmmOutcome Run(
        IAffineConstraint constraint, Proximal prox, int count, Span<double> z, ConvexOptions options, CancellationToken cancellation,
        Stop? stop = null) =>
        Run(constraint.Project, constraint.Length, prox, count, z, options, cancellation, stop);

    /// <summary>Runs ADMM over vectors of length <paramref name="n"/> with the constraint given by its projection.</summary>
    public static AdmmOutcome Run(
        Projection project, int n, Proximal prox, int count, Span<double> z, ConvexOptions options, CancellationToken cancellation,
        Stop? stop = null)
    {
        var y = new double[n];
        project(y);
        var scale = Kernels.Norm(y);
        z.Clear();
        if (scale == 0)
            return new AdmmOutcome(TrialStatus.Converged, 0, 0, 0, null);

        var rho = Math.Sqrt(count) / scale;
        y.CopyTo(z);
        var u = new double[n];
        var zPrevious = new double[n];
        var work = new double[n];
        double primal = double.NaN, dual = double.NaN;
        for (var iteration = 1; iteration <= options.MaxIterations; iteration++)
        {
            if (iteration % CancellationStride == 0) cancellation.ThrowIfCancellationRequested();

            for (var i = 0; i < n; i++) y[i] = z[i] - u[i];
            project(y);
            z.CopyTo(zPrevious);
            for (var i = 0; i < n; i++) work[i] = y[i] + u[i];
            prox(work, 1 / rho, z);
            for (var i = 0; i < n; i++) u[i] += y[i] - z[i];

            primal = Kernels.Distance(y, z) / Math.Max(Kernels.Norm(y), Kernels.Norm(z));
            dual = Kernels.Distance(z, zPrevious) / Kernels.Norm(u);
            if (!double.IsFinite(primal) || !Kernels.AllFinite(z))
                return new AdmmOutcome(TrialStatus.Diverged, iteration, primal, dual,
                    $"ADMM produced non-finite values at iteration {iteration}.");
            if (primal <= options.Tolerance && dual <= options.Tolerance)
                return new AdmmOutcome(TrialStatus.Converged, iteration, primal, dual, null, Multiplier(u, rho));
            if (stop is not null && iteration % StopStride == 0 && stop(y, iteration) is { } reason)
                return new AdmmOutcome(TrialStatus.Converged, iteration, primal, dual, reason, Multiplier(u, rho)) { Stopped = true };

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
        return new AdmmOutcome(TrialStatus.IterationLimit, options.MaxIterations, primal, dual,
            $"ADMM stopped at the iteration cap {options.MaxIterations} with relative residuals primal {primal:G3}, dual {dual:G3} (tolerance {options.Tolerance:G3}).",
            Multiplier(u, rho));
    }

    /// <summary>rho U: the Z-step's optimality condition rho (Y+ + U - Z+) in the subdifferential of g at Z+ makes it a subgradient there.</summary>
    private static double[] Multiplier(double[] u, double rho)
    {
        var g = (double[])u.Clone();
        Kernels.Scale(rho, g);
        return g;
    }
}
