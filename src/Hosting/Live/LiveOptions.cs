using Sweeps.Grains.Sweeps;
using Sweeps.Numerics.Statistics;

namespace Sweeps.Hosting.Live;

/// <summary>
/// What the live page needs beyond the grains: where a sweep's output folder is (the embedded CLI
/// knows its --out; a silo writes no outputs, so its page offers no downloads) and the transition axis.
/// </summary>
public sealed record LiveOptions
{
    /// <summary>The output folder of a sweep id, or null when this process has none for it.</summary>
    public Func<string, string?> OutputFolder { get; init; } = _ => null;

    /// <summary>Sweep ids listed even before the registry has them (the embedded run's own sweep, from its first moment).</summary>
    public IReadOnlyList<string> Listed { get; init; } = [];

    /// <summary>
    /// The axis a sweep's transitions are fitted along. The coordinator's definition does not hold it (it chooses an
    /// output, not what the trials are), so the CLI passes its spec's; a silo, which has no spec, takes the default rule
    /// on the grid's axes (m, else p), which is the spec's unless it sets <c>transition.axis</c>.
    /// </summary>
    public Func<SweepDefinition, string?> TransitionAxis { get; init; } = DefaultTransitionAxis;

    public static string? DefaultTransitionAxis(SweepDefinition sweep) => TransitionLines.DefaultAxis(SweepAxes.Of(sweep).Select(a => a.Name));
}
