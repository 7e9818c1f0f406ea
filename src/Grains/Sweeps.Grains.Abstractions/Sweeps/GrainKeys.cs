using System.Globalization;

namespace Sweeps.Grains.Sweeps;

/// <summary>
/// Deterministic grain keys: the sweep grain is keyed by the sweep id, a cell grain by
/// "{sweepId}/{cellKey}/{method}", a trial grain by "{cellGrainKey}/{trial}". Re-sending work
/// to the same key after a failure therefore reaches the same stored state.
/// </summary>
public static class GrainKeys
{
    /// <summary>The key of the one <see cref="ISweepRegistryGrain"/>.</summary>
    public const string Registry = "sweeps";

    public static string Cell(string sweepId, string cellKey, string method) => $"{sweepId}/{cellKey}/{method}";

    public static string Trial(string cellGrainKey, int trial) =>
        string.Create(CultureInfo.InvariantCulture, $"{cellGrainKey}/{trial}");
}
