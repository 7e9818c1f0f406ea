using System.Collections.Immutable;

namespace Sweeps.Grains.Sweeps;

/// <summary>
/// One point of the grid: every parameter of the spec (fixed and axis) by its spec name.
/// <see cref="Key"/> is canonical ("m=80;r=2", names sorted) and names the cell in grain keys,
/// so adding axis values to a sweep never renames existing cells. <see cref="Index"/> is the
/// cell's position in the current grid (the <c>cell</c> column of the outputs). <see cref="Trials"/>, when set,
/// replaces the sweep's trials for this cell (adaptive rounds raise it where the transition is uncertain);
/// null, as in every definition stored before it existed, means the sweep's trials.
/// </summary>
[GenerateSerializer, Immutable, Alias("Sweeps.CellDefinition")]
public sealed record CellDefinition(
    [property: Id(0)] int Index,
    [property: Id(1)] string Key,
    [property: Id(2)] ImmutableSortedDictionary<string, double> Parameters,
    [property: Id(3)] int? Trials = null);
