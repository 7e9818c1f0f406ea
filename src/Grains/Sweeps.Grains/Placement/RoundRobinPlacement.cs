namespace Sweeps.Grains.Placement;

/// <summary>
/// Places each new activation on the next compatible silo in turn (<see cref="RoundRobinPlacementDirector"/>).
/// For trial grains: every silo gets an equal share of the trials whoever places them, where
/// activation-count placement, working from load statistics published about once a second, sent
/// whole chunks to one silo while the other's executor ran dry (docs/SCALING.md).
/// </summary>
[Serializable, GenerateSerializer, Immutable, SuppressReferenceTracking]
[Alias("Sweeps.RoundRobinPlacement")]
public sealed class RoundRobinPlacement : PlacementStrategy
{
    internal static readonly RoundRobinPlacement Singleton = new();
}
