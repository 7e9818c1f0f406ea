using System.Collections.Immutable;

namespace Sweeps.Grains.Sweeps;

/// <summary>
/// One cell x method, keyed by <see cref="GrainKeys.Cell"/>: holds its trials' records (one per
/// trial index, reported idempotently) and reports newly finished trials to the sweep in batches.
/// </summary>
[Alias("Sweeps.ICellGrain")]
public interface ICellGrain : IGrainWithStringKey
{
    /// <summary>Starts the trials of a chunk that are not recorded yet; recorded ones count as reused at once.</summary>
    [Alias("Dispatch")]
    Task Dispatch(CellWork work);

    /// <summary>A trial grain reports its persisted record; a second report of the same trial index is ignored.</summary>
    [Alias("Report")]
    Task Report(TrialRecord record, bool computed);

    /// <summary>The recorded trials, ordered by trial index.</summary>
    [Alias("GetRecords")]
    Task<ImmutableArray<TrialRecord>> GetRecords();

    /// <summary>
    /// At most <paramref name="maxCount"/> recorded trials with index at least <paramref name="fromTrial"/>, ordered by
    /// trial index: a reader pages through a large cell without holding all of it (continue from the last index + 1;
    /// an empty answer means no more).
    /// </summary>
    [Alias("GetRecordsFrom")]
    Task<ImmutableArray<TrialRecord>> GetRecords(int fromTrial, int maxCount);
}
