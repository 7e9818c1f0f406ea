namespace Sweeps.Grains.Sweeps;

/// <summary>Counts of one method across all cells of the current run (see <see cref="SweepProgress"/>).</summary>
[GenerateSerializer, Immutable, Alias("Sweeps.MethodProgress")]
public sealed record MethodProgress(
    [property: Id(0)] string Method,
    [property: Id(1)] long Done,
    [property: Id(2)] long Computed,
    [property: Id(3)] long Reused,
    [property: Id(4)] long Successes,
    [property: Id(5)] long Diverged);
