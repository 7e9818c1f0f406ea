namespace Sweeps.Numerics.Convex;

/// <summary>
/// minimize ||Y||_*  s.t.  Ã(Y) = b  (or, with psd,  minimize trace(Y)  s.t.  Ã(Y) = b, Y PSD) by
/// <see cref="AffineAdmm"/> with the spectral shrinkage by 1/rho (<see cref="SpectralShrinkage"/>) as
/// the prox, rho starting at a typical singular value of the least-norm interpolant.
/// The returned point is the low-rank iterate Z, with its <see cref="TraceNormCertificate"/>.
/// </summary>
public static class TraceNormSolver
{
    public static TraceNormResult Solve(
        IAffineConstraint constraint, int rows, int cols, bool psd, ConvexOptions options, CancellationToken cancellation)
    {
        var solution = LowRankMatrix.Zero(rows, cols);
        void Shrink(ReadOnlySpan<double> v, double threshold, Span<double> z)
        {
            solution = SpectralShrinkage.Shrink(v, rows, cols, threshold, psd);
            solution.WriteDense(z);
        }

        var z = new double[rows * cols];
        var outcome = AffineAdmm.Run(constraint, Shrink, Math.Min(rows, cols), z, options, cancellation);
        // No multiplier: b = 0, so Z = 0 is the (certified) minimizer.
        var certificate = outcome.Status == Trials.TrialStatus.Diverged ? Certificate.None
            : outcome.Multiplier is { } g ? TraceNormCertificate.Check(constraint, solution, g, psd)
            : Certificate.Of(0, 0, 0, Certificate.FirstOrderTolerance);
        return new TraceNormResult(solution, outcome.Status, outcome.Iterations, outcome.PrimalResidual, outcome.DualResidual, outcome.Reason)
        {
            Certificate = certificate,
            Multiplier = outcome.Multiplier,
        };
    }
}
