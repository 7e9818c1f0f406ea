namespace Sweeps.Numerics.Convex;

/// <summary>
/// The convex methods on a matrix-sensing problem (docs/SCIENCE.md 2.1, 2.2, section 3 items 1-2):
/// solves  minimize ||P^{1/2} X Q^{1/2}||_*  s.t.  A(X) = b  (symmetric: trace(D X D), X PSD, P = Q = D^2)
/// in the variable Y = P^{1/2} X Q^{1/2} with <see cref="TraceNormSolver"/>, P = Q = I for
/// <see cref="ConvexObjective.Nuclear"/>, and returns the flat factors of the solution (<see cref="FlatFactors"/>).
/// Hard instances end as a status with a reason; only weights that are not SPD (a broken family) throw.
/// </summary>
public static class ConvexSensing
{
    public static Solution Solve(
        IMatrixSensingProblem problem, ConvexObjective objective, ConvexOptions options, CancellationToken cancellation)
    {
        int d1 = problem.D1, d2 = problem.D2;
        var (left, right) = objective switch
        {
            ConvexObjective.Flat => Weights(problem),
            _ => (SpdRoots.Identity(d1), SpdRoots.Identity(d2)),
        };

        var constraint = AffineConstraint.For(problem.Measurements, problem.Data, left, right);
        var result = TraceNormSolver.Solve(constraint, d1, d2, problem.Symmetric, options, cancellation, options.RefuteTruth ? TruthRefutation.For(problem, left, right) : null);
        var factors = FlatFactors.From(result.Solution, left, right, problem.Width);
        var theta = new double[problem.ParameterCount];
        problem.PackFactors(factors.Left, factors.Right, theta);
        var reasons = new[] { result.Reason, factors.Note, DroppedNote(constraint, problem.Measurements.Count) }.OfType<string>().ToArray();
        return new Solution(theta, result.Status, result.Iterations, reasons.Length == 0 ? null : string.Join(" ", reasons), result.Certificate);
    }

    /// <summary>The reason text when the projector dropped dependent measurements (null when none).</summary>
    internal static string? DroppedNote(IAffineConstraint constraint, int count) =>
        constraint.Dropped > 0
            ? $"{constraint.Dropped} of {count} measurements depend on the others and were dropped (largest relative data inconsistency {constraint.Inconsistency:G3})."
            : null;

    private static (SpdRoots Left, SpdRoots Right) Weights(IMatrixSensingProblem problem)
    {
        var left = SpdRoots.Of(problem.LeftWeight, problem.D1);
        return (left, problem.Symmetric ? left : SpdRoots.Of(problem.RightWeight, problem.D2));
    }
}
