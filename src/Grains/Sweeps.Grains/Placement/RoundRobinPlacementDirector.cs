using Orleans.Runtime.MembershipService.SiloMetadata;
using Orleans.Runtime.Placement;

namespace Sweeps.Grains.Placement;

/// <summary>
/// The director of <see cref="RoundRobinPlacement"/>: one counter per silo, so each placing silo
/// cycles through the compatible silos on its own and every silo gets 1/n of its placements.
/// Assumes silos configured alike (as the coordinator's window does). A trial that needs plugins
/// (<see cref="PluginPlacement"/>) cycles through the silos that loaded them, when any has.
/// </summary>
/// <param name="metadata">The silos' metadata (the hosting registers it); without it, every silo is a candidate.</param>
public sealed class RoundRobinPlacementDirector(ISiloMetadataCache? metadata = null) : IPlacementDirector
{
    private readonly ISiloMetadataCache? _metadata = metadata;
    private int _next = -1;

    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = context.GetCompatibleSilos(target);
        if (_metadata is not null && target.RequestContextData?.GetValueOrDefault(PluginPlacement.Key) is string needed)
        {
            var offering = silos.Where(s => PluginPlacement.Offers(_metadata.GetSiloMetadata(s).Metadata.GetValueOrDefault(PluginPlacement.Key), needed)).ToArray();
            if (offering.Length > 0)
                silos = offering;
        }
        var turn = (uint)Interlocked.Increment(ref _next);
        return Task.FromResult(silos[(int)(turn % (uint)silos.Length)]);
    }
}
