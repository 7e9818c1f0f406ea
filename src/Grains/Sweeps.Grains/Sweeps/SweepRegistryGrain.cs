using System.Collections.Immutable;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Sweeps.Grains.Sweeps;

/// <summary>The cluster's list of sweeps and their spec texts (see <see cref="ISweepRegistryGrain"/>); a few entries per sweep, never per trial.</summary>
[GrainType(GrainTypeName)]
public sealed class SweepRegistryGrain(
    [PersistentState("registry", SweepsEngineOptions.StorageName)] IPersistentState<SweepRegistryGrainState> state,
    IOptions<SweepsEngineOptions> options,
    TimeProvider time,
    ILogger<SweepRegistryGrain> logger) : Grain, ISweepRegistryGrain
{
    /// <summary>The stored grain type (see <see cref="SweepGrain.GrainTypeName"/>).</summary>
    public const string GrainTypeName = "sweepregistry";

    public async Task Register(string sweepId, string specText)
    {
        var s = state.State;
        if (s.SpecTexts.TryGetValue(sweepId, out var known) && known == specText)
            return;
        if (known is null)
            s.Order.Add(sweepId);
        s.SpecTexts[sweepId] = specText;
        await StorageRetry.WriteAsync(() => state.WriteStateAsync(), options.Value, logger, "the sweep registry", time);
    }

    public Task<string?> GetSpecText(string sweepId) => Task.FromResult(state.State.SpecTexts.GetValueOrDefault(sweepId));

    public Task<ImmutableArray<string>> List() => Task.FromResult(state.State.Order.ToImmutableArray());
}
