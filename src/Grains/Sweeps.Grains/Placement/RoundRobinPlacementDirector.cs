using Orleans.Runtime.Placement;

namespace Sweeps.Grains.Placement;

/// <summary>
/// The director of <see cref="RoundRobinPlacement"/>: one counter per silo, so each placing silo
/// cycles through the compatible silos on its own and every silo gets 1/n of its placements.
/// Assumes silos configured alike (as the coordinator's window does).
/// </summary>
public sealed class RoundRobinPlacementDirector : IPlacementDirector
{
    private int _next = -1;

    public Task<SiloAddress> OnAddActivation(PlacementStrategy strategy, PlacementTarget target, IPlacementContext context)
    {
        var silos = context.GetCompatibleSilos(target);
        var turn = (uint)Interlocked.Increment(ref _next);
        return Task.FromResult(silos[(int)(turn % (uint)silos.Length)]);
    }
}
