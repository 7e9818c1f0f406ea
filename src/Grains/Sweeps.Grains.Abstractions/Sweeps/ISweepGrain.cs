namespace Sweeps.Grains.Sweeps;

/// <summary>
/// The coordinator of one sweep, keyed by <see cref="SweepDefinition.SweepId"/>. It plans the
/// cells x methods x trials, dispatches them to cell grains through a bounded in-flight window and
/// keeps only counters. Records are read from the cell grains (<see cref="ICellGrain.GetRecords"/>),
/// one page per cell x method, so the coordinator stays out of the data path.
/// </summary>
[Alias("Sweeps.ISweepGrain")]
public interface ISweepGrain : IGrainWithStringKey
{
    /// <summary>
    /// Starts the sweep, or attaches to it when it is running or completed with the same definition.
    /// A cancelled sweep resumes. A different definition (more cells, methods or trials) extends the
    /// sweep: every trial already stored is reused. The problem, seed and success criterion of a
    /// sweep cannot change (stored results would no longer match their keys).
    /// </summary>
    [Alias("Start")]
    Task<SweepProgress> Start(SweepDefinition definition);

    [Alias("GetProgress")]
    Task<SweepProgress> GetProgress();

    /// <summary>The current definition, or null when the sweep was never started.</summary>
    [Alias("GetDefinition")]
    Task<SweepDefinition?> GetDefinition();

    /// <summary>Stops dispatching; trials already running finish and stay stored. Start resumes.</summary>
    [Alias("Cancel")]
    Task<SweepProgress> Cancel();

    /// <summary>
    /// The cells x methods that reported since <paramref name="version"/> of <paramref name="epoch"/>
    /// (see <see cref="CellChanges"/>); a live page polls it to re-read only those cells.
    /// </summary>
    [Alias("GetCellChanges")]
    Task<CellChanges> GetCellChanges(string epoch, long version);
}
