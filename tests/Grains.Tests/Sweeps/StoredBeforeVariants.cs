using System.Collections.Immutable;
using Sweeps.Grains.Sweeps;

namespace Sweeps.Grains.Tests.Sweeps;

/// <summary>The shape of <see cref="SweepDefinition"/> before method variants (fields 0-7 only): what older stores hold.</summary>
[GenerateSerializer, Immutable, Alias("Sweeps.Tests.StoredBeforeVariants")]
public sealed record StoredBeforeVariants(
    [property: Id(0)] string SweepId,
    [property: Id(1)] string Problem,
    [property: Id(2)] ImmutableArray<string> Methods,
    [property: Id(3)] ImmutableArray<CellDefinition> Cells,
    [property: Id(4)] int Trials,
    [property: Id(5)] long Seed,
    [property: Id(6)] double Tolerance,
    [property: Id(7)] double? RelativeToNoise);
