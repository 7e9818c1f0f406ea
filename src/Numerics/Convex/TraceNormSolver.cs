namespace Sweeps.Numerics.Convex;

/// <summary>
/// minimize ||Y||_*  s.t.  Ã(Y) = b  (or, with psd,  minimize trace(Y)  s.t.  Ã(Y) = b, Y PSD) by
/// <see cref="AffineAdmm"/> with the spectral shrinkage by 1/rho (<see cref="SpectralShrinkage"/>) as
/// the prox, rho starting at a typical singular value of the least-norm interpolant.
/// The returned point is the low-rank iterate Z, with its <see cref="TraceNormCertificate"/>; with a
/// <see cref="TruthRefutation"/> (noiseless instances) the run ends early once a feasible iterate Y beats the truth,
/// and returns that Y.
/// </summary>
public static class TraceNormSolver
{
    public static TraceNormResult Solve(
        IAffineConstraint constraint, int rows, int cols, bool psd, ConvexOptions options, CancellationToken cancellation,
        TruthRefutation? refutation = null)
    {
        var solution = LowRankMatrix.Zero(rows, cols);
        void Shrink(ReadOnlySpan<double> v, double threshold, Span<double> z)
        {
            solution = SpectralShrinkage.Shrink(v, rows, cols, threshold, psd);
            solution.WriteDense(z);
        }

        var z = new double[rows * cols];
        // A refuted truth returns the feasible Y that beat it (an interpolant flatter than the truth), not the inexact Z.
        string? Refute(ReadOnlySpan<double> y, int iteration)
        {
            var reason = refutation!.Check(y, iteration);
            if (reason is not null) solution = SpectralShrinkage.Shrink(y, rows, cols, 0, psd);
            return reason;
        }

        var outcome = AffineAdmm.Run(constraint, Shrink, Math.Min(rows, cols), z, options, cancellation, refutation is null ? null : Refute);
        // No multiplier: b = 0, so Z = 0 is the (certified) minimizer.
        var certificate = outcome.Status == Trials.TrialStatus.Diverged ? Certificate.None
            : outcome.Stopped ? Certificate.Refutation
            : outcome.Multiplier is { } g ? TraceNormCertificate.Check(constraint, solution, g, psd)
            : Certificate.Of(0, 0, 0, Certificate.FirstOrderTolerance);
        return new TraceNormResult(solution, outcome.Status, outcome.Iterations, outcome.PrimalResidual, outcome.DualResidual, outcome.Reason)
        {
            Certificate = certificate,
            Multiplier = outcome.Multiplier,
        };
    }
}
