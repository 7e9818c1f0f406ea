namespace Sweeps.Numerics.Problems;

/// <summary>
/// A problem whose minimizer-picking methods include a convex program (docs/SCIENCE.md section 3):
/// <see cref="ConvexObjective.Flat"/> is the family's weighted nuclear / trace norm whose
/// solutions factor into the flattest minimizers; <see cref="ConvexObjective.Nuclear"/> is the
/// unweighted baseline. The solver returns factors (theta), built from the convex solution.
/// </summary>
public interface IConvexRecoverable
{
    Solution SolveConvex(ConvexObjective objective, ConvexOptions options, CancellationToken cancellation);
}
