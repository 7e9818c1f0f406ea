namespace Sweeps.Grains.Sweeps;

/// <summary>Persisted state of the sweep registry: sweep ids in order of first registration, and each one's spec text.</summary>
[GenerateSerializer, Alias("Sweeps.SweepRegistryGrainState")]
public sealed class SweepRegistryGrainState
{
    [Id(0)] public List<string> Order { get; set; } = [];
    [Id(1)] public Dictionary<string, string> SpecTexts { get; set; } = [];
}
