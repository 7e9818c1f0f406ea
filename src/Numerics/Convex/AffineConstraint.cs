using Sweeps.Numerics.Problems.Completion;

namespace Sweeps.Numerics.Convex;

/// <summary>
/// Builds the constraint of A(P^{-1/2} Y Q^{-1/2}) = b: entry resets for entry sampling with diagonal weights, else the
/// dense projector from the Gram matrix's Cholesky factor, or by Gram-Schmidt when the rows are nearly dependent.
/// </summary>
public static class AffineConstraint
{
    public static IAffineConstraint For(IMeasurementOperator a, ReadOnlySpan<double> b, SpdRoots left, SpdRoots right) =>
        a is EntrySampling sampling && left.IsDiagonal && right.IsDiagonal
            ? new EntryConstraint(sampling, b, left.Half, right.Half)
            : GramProjector.TryBuild(a, b, left, right) ?? (IAffineConstraint)AffineProjector.Build(a, b, left, right);
}
