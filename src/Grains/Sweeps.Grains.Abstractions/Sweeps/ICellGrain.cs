using System.Collections.Immutable;

namespace Sweeps.Grains.Sweeps;

/// <summary>
/// One cell x method, keyed by <see cref="GrainKeys.Cell"/>: holds its trials' records (one per
/// trial index, reported idempotently) and reports newly finished trials to the sweep in batches.
/// </summary>
public interface ICellGrain : IGrainWithStringKey
{
    /// <summary>Starts the trials of a chunk that are not recorded yet; recorded ones count as reused at once.</summary>
    Task Dispatch(CellWork work);

    /// <summary>A trial grain reports its persisted record; a second report of the same trial index is ignored.</summary>
    Task Report(TrialRecord record, bool computed);

    /// <summary>The recorded trials, ordered by trial index.</summary>
    Task<ImmutableArray<TrialRecord>> GetRecords();

    Task<CellSummary> GetSummary();
}
