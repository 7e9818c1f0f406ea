namespace Sweeps.Numerics.Methods;

/// <summary>Which convex program a convex method solves.</summary>
public enum ConvexObjective
{
    /// <summary>The flatness-weighted norm (flat-convex).</summary>
    Flat,

    /// <summary>The unweighted nuclear / trace / l1 norm (nuclear).</summary>
    Nuclear,
}
