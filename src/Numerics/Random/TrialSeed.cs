namespace Sweeps.Numerics.Random;

/// <summary>
/// The seed of one trial: a pure function of (sweep seed, cell coordinates, trial index).
/// Cell coordinates are the problem parameters by name and value (not the cell's position in
/// the grid), so extending an axis never changes the seeds of existing cells, and every method
/// of a cell sees the same instance. Every random draw of the trial comes from
/// <see cref="Stream"/>, keyed by this value and a <see cref="StreamPurpose"/>.
/// </summary>
public readonly record struct TrialSeed(ulong Value)
{
    /// <summary>Derives the seed of trial <paramref name="trialIndex"/> of the cell whose coordinates are given as (name, value) pairs.</summary>
    public static TrialSeed Derive(long sweepSeed, IEnumerable<KeyValuePair<string, double>> cellCoordinates, int trialIndex)
    {
        var canonical = Trials.ParameterText.Set(cellCoordinates);
        var h = StableHash.Combine((ulong)sweepSeed, StableHash.Of(canonical));
        return new TrialSeed(StableHash.Combine(h, (ulong)trialIndex));
    }

    /// <summary>A fresh stream for one purpose.</summary>
    public RandomStream Stream(StreamPurpose purpose) => new(StableHash.Combine(Value, (ulong)purpose));

    /// <summary>A fresh stream for one purpose and a sub-index (for example a probe number).</summary>
    public RandomStream Stream(StreamPurpose purpose, int index) =>
        new(StableHash.Combine(StableHash.Combine(Value, (ulong)purpose), (ulong)index));
}
