namespace Sweeps.Grains.Sweeps;

/// <summary>
/// Sufficient statistics of one cell x method over its recorded trials: counts by outcome
/// (success and status). Success rate = Successes / Trials.
/// </summary>
[GenerateSerializer, Immutable, Alias("Sweeps.CellSummary")]
public sealed record CellSummary(
    [property: Id(0)] int Trials,
    [property: Id(1)] int Successes,
    [property: Id(2)] int Converged,
    [property: Id(3)] int IterationLimit,
    [property: Id(4)] int Diverged,
    [property: Id(5)] int InvalidInstance);
