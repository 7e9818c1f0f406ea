using System.Collections.Immutable;

namespace Sweeps.Grains.Sweeps;

/// <summary>
/// What a trial grain needs besides its trial index (the last segment of its key): the problem,
/// method, cell (key and parameters), the sweep seed and the success criterion.
/// The trial seed is TrialSeed.Derive(SweepSeed, Parameters, trial index).
/// </summary>
[GenerateSerializer, Immutable, Alias("Sweeps.TrialWork")]
public sealed record TrialWork(
    [property: Id(0)] string Problem,
    [property: Id(1)] string Method,
    [property: Id(2)] string CellKey,
    [property: Id(3)] ImmutableSortedDictionary<string, double> Parameters,
    [property: Id(4)] long SweepSeed,
    [property: Id(5)] double Tolerance,
    [property: Id(6)] double? RelativeToNoise);
