using Sweeps.Grains.Sweeps;

namespace Sweeps.Grains.Sweeps;

/// <summary>Persisted state of a trial grain: its record once finished.</summary>
[GenerateSerializer, Alias("Sweeps.TrialGrainState")]
public sealed class TrialGrainState
{
    [Id(0)] public TrialRecord? Record { get; set; }
}
