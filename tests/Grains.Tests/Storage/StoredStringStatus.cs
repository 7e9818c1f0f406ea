using System.Collections.Immutable;

namespace Sweeps.Grains.Tests.Storage;

/// <summary>
/// <see cref="Sweeps.Grains.Sweeps.TrialRecord"/> as every release before the status enum stored it: the same fields
/// and ids, the status a string at Id(4). The alias differs only because two types cannot share one; a record is
/// stored as a field of known type, so no alias is written (the byte comparisons would fail if one were).
/// </summary>
[GenerateSerializer, Immutable, Alias("Sweeps.Tests.StoredStringStatus")]
public sealed record StoredStringStatus(
    [property: Id(0)] string CellKey,
    [property: Id(1)] string Method,
    [property: Id(2)] int Trial,
    [property: Id(3)] ulong Seed,
    [property: Id(4)] string Status,
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
