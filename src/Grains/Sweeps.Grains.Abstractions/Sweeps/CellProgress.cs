namespace Sweeps.Grains.Sweeps;

/// <summary>
/// A batch of newly finished trials of one cell x method in run <see cref="Generation"/>,
/// reported by the cell to the coordinator (the middle stage of trial -> cell -> sweep).
/// <see cref="CellKey"/> names the cell, so the coordinator can tell a live page which cells changed
/// (null from cells of older builds).
/// </summary>
[GenerateSerializer, Immutable, Alias("Sweeps.CellProgress")]
public sealed record CellProgress(
    [property: Id(0)] int Generation,
    [property: Id(1)] string Method,
    [property: Id(2)] int Done,
    [property: Id(3)] int Computed,
    [property: Id(4)] int Successes,
    [property: Id(5)] int Diverged,
    [property: Id(6)] string? CellKey = null)
{
    public int Reused => Done - Computed;
}
