namespace Sweeps.Grains.Sweeps;

/// <summary>
/// Persisted state of a sweep grain: the definition and its fingerprint, the status, the number of
/// the current run (generation) and, once completed or cancelled, the final counters.
/// </summary>
[GenerateSerializer, Alias("Sweeps.SweepGrainState")]
public sealed class SweepGrainState
{
    [Id(0)] public SweepDefinition? Definition { get; set; }
    [Id(1)] public ulong Fingerprint { get; set; }
    [Id(2)] public SweepStatus Status { get; set; }
    [Id(3)] public int Generation { get; set; }
    [Id(4)] public DateTimeOffset? StartedAt { get; set; }
    [Id(5)] public DateTimeOffset? FinishedAt { get; set; }
    [Id(6)] public SweepProgress? Final { get; set; }
}
