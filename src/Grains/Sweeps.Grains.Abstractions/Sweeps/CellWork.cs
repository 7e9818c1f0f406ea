namespace Sweeps.Grains.Sweeps;

/// <summary>
/// A chunk of trials [FirstTrial, FirstTrial + Count) of one cell x method, dispatched by the
/// coordinator in run <see cref="Generation"/>. <see cref="TotalTrials"/> is the cell's trial count
/// in the current definition (the cell deactivates once all of them are recorded).
/// </summary>
[GenerateSerializer, Immutable, Alias("Sweeps.CellWork")]
public sealed record CellWork(
    [property: Id(0)] string SweepId,
    [property: Id(1)] int Generation,
    [property: Id(2)] TrialWork Trial,
    [property: Id(3)] int FirstTrial,
    [property: Id(4)] int Count,
    [property: Id(5)] int TotalTrials);
