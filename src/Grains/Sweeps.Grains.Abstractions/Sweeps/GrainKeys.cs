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

    /// <summary>Splits a trial key into its cell grain key and trial index.</summary>
    public static (string CellGrainKey, int Trial) ParseTrial(string trialKey)
    {
        var slash = trialKey.LastIndexOf('/');
        if (slash <= 0 || !int.TryParse(trialKey.AsSpan(slash + 1), NumberStyles.None,
                CultureInfo.InvariantCulture, out var trial))
            throw new FormatException($"'{trialKey}' is not a trial key of the form {{cellGrainKey}}/{{trial}}.");
        return (trialKey[..slash], trial);
    }
}
