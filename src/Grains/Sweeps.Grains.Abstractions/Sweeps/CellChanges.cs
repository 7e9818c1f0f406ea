using System.Collections.Immutable;

namespace Sweeps.Grains.Sweeps;

/// <summary>
/// The cells x methods that reported finished trials since a version (<see cref="ISweepGrain.GetCellChanges"/>).
/// Versions count reports within one activation of the coordinator, named by <see cref="Epoch"/>:
/// a reader whose epoch differs (the coordinator was re-activated) reads every cell again, then
/// asks for changes since <see cref="Version"/>.
/// </summary>
[GenerateSerializer, Immutable, Alias("Sweeps.CellChanges")]
public sealed record CellChanges(
    [property: Id(0)] string Epoch,
    [property: Id(1)] long Version,
    [property: Id(2)] ImmutableArray<CellChange> Cells);

/// <summary>One cell x method (by <see cref="CellDefinition.Key"/> and method label) that has new records.</summary>
[GenerateSerializer, Immutable, Alias("Sweeps.CellChange")]
public sealed record CellChange(
    [property: Id(0)] string CellKey,
    [property: Id(1)] string Method);
