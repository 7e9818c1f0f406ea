namespace Sweeps.Client.Adaptive;

/// <summary>
/// The spec's <c>adaptive: { axis, precision, max_trials, batch }</c> (README "Adaptive refinement"): refine each line
/// along <see cref="Axis"/> until the 95% interval of its 50% point is at most <see cref="Precision"/> of it, spending at
/// most <see cref="MaxTrials"/> trials in the whole sweep (the grid's included), <see cref="Batch"/> more per line and round.
/// </summary>
public sealed record AdaptiveSettings(string Axis, double Precision, long MaxTrials, int Batch)
{
    public const double DefaultPrecision = 0.05;
    public const int DefaultBatch = 64;
}
