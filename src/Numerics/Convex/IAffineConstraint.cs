namespace Sweeps.Numerics.Convex;

/// <summary>
/// The affine set {Y : W Y = c} of a convex program in its weighted variable Y (length n), with W's rows
/// orthonormal, as the ADMM solvers and the certificates use it: the projection onto it, and the map
/// between Y and the row space of W. <see cref="AffineConstraint.For"/> picks the implementation.
/// </summary>
public interface IAffineConstraint
{
    /// <summary>q, the number of independent measurements kept (rows of W).</summary>
    int Rank { get; }

    /// <summary>n, the length of Y.</summary>
    int Length { get; }

    /// <summary>Measurements dropped because they depend on the others.</summary>
    int Dropped { get; }

    /// <summary>The largest relative amount by which dropped data disagree with the kept ones (0 when consistent).</summary>
    double Inconsistency { get; }

    /// <summary>c, the data in the orthonormalized rows.</summary>
    ReadOnlySpan<double> OrthonormalData { get; }

    /// <summary>mu = W v (length <see cref="Rank"/>).</summary>
    void Coordinates(ReadOnlySpan<double> v, Span<double> mu);

    /// <summary>v = W^T mu (length <see cref="Length"/>).</summary>
    void Synthesize(ReadOnlySpan<double> mu, Span<double> v);

    /// <summary>v := v - W^T (W v - c), the Euclidean projection onto the set.</summary>
    void Project(Span<double> v);
}
