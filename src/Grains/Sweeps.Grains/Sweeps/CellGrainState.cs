namespace Sweeps.Grains.Sweeps;

/// <summary>Persisted state of a cell grain: the records of its finished trials by trial index.</summary>
[GenerateSerializer, Alias("Sweeps.CellGrainState")]
public sealed class CellGrainState
{
    [Id(0)] public Dictionary<int, TrialRecord> Records { get; set; } = [];
}
