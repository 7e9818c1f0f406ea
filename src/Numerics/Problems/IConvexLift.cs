namespace Sweeps.Numerics.Problems;

/// <summary>
/// A factorized problem whose penalized objective F = f + lambda pen is the Burer-Monteiro form of a convex program
/// in its model X. A first-order method can stop at a factor of too small a rank, where F is stationary but the
/// convex program's optimality condition fails: a saddle. This says so, with the way out.
/// </summary>
public interface IConvexLift
{
    /// <summary>
    /// When theta is such a saddle of F at weight <paramref name="lambda"/> (the condition fails by more than a
    /// relative <paramref name="tolerance"/>), writes a unit descent direction of negative curvature into
    /// <paramref name="direction"/> and returns true; else returns false.
    /// </summary>
    bool TryEscapeDirection(ReadOnlySpan<double> theta, double lambda, double tolerance, Span<double> direction);

    /// <summary>
    /// Drops the components of the factors whose singular value is below <paramref name="relative"/> times the largest
    /// (the model keeps its other components exactly); returns the rank kept.
    /// </summary>
    int Truncate(Span<double> theta, double relative);
}
