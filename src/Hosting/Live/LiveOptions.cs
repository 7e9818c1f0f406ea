namespace Sweeps.Hosting.Live;

/// <summary>
/// What the live page needs beyond the grains: where a sweep's output folder is (the embedded CLI
/// knows its --out; a silo writes no outputs, so its page offers no downloads).
/// </summary>
public sealed record LiveOptions
{
    /// <summary>The output folder of a sweep id, or null when this process has none for it.</summary>
    public Func<string, string?> OutputFolder { get; init; } = _ => null;

    /// <summary>Sweep ids listed even before the registry has them (the embedded run's own sweep, from its first moment).</summary>
    public IReadOnlyList<string> Listed { get; init; } = [];
}
