using Orleans.Placement;

namespace Sweeps.Grains.Placement;

/// <summary>Marks a grain class for <see cref="RoundRobinPlacement"/>.</summary>
[AttributeUsage(AttributeTargets.Class, AllowMultiple = false)]
public sealed class RoundRobinPlacementAttribute() : PlacementAttribute(RoundRobinPlacement.Singleton);
