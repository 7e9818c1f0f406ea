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

    /// <summary>", then adaptive rounds until ..." for the lines run and validate print about a sweep.</summary>
    public override string ToString() => string.Create(System.Globalization.CultureInfo.InvariantCulture,
        $"then adaptive rounds along {Axis} until each line's 95% interval is at most {Precision:P1} of its 50% point (at most {MaxTrials} trials, {Batch} a line and round)");
}
