using System.Collections.Immutable;
using Sweeps.Numerics.Trials;

namespace Sweeps.Grains.Sweeps;

/// <summary>
/// One finished trial as stored and exported: its key (cell, method, trial index), the trial
/// seed that reproduces it (<c>sweeps trial --seed</c>), and every metric of docs/SCIENCE.md section 4.
/// NaN marks a value that does not apply. Status travels as its kebab-case name (converged, ...; <see cref="TrialStatusCodec"/>),
/// the string records stored before it was an enum hold.
/// DualityGap and Certified (convex methods' certificate) are null where they do not apply, and in
/// records stored before they existed.
/// </summary>
[GenerateSerializer, Immutable, Alias("Sweeps.TrialRecord")]
public sealed record TrialRecord(
    [property: Id(0)] string CellKey,
    [property: Id(1)] string Method,
    [property: Id(2)] int Trial,
    [property: Id(3)] ulong Seed,
    [property: Id(4)] TrialStatus Status,
    [property: Id(5)] string? Reason,
    [property: Id(6)] double RelError,
    [property: Id(7)] bool Success,
    [property: Id(8)] double Loss,
    [property: Id(9)] double HessianTrace,
    [property: Id(10)] double FlatTraceAtTruth,
    [property: Id(11)] double BalanceGap,
    [property: Id(12)] int Rank,
    [property: Id(13)] int Iterations,
    [property: Id(14)] double Seconds,
    [property: Id(15)] ImmutableArray<KeyValuePair<string, double>> Extras,
    [property: Id(16)] double? DualityGap = null,
    [property: Id(17)] bool? Certified = null);
