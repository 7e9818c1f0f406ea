namespace Sweeps.Grains.Sweeps;

/// <summary>
/// The cell-to-coordinator callback, implemented by <see cref="SweepGrain"/> (same key). Internal:
/// only cell grains report progress; clients see <see cref="ISweepGrain"/> alone.
/// </summary>
[Alias("Sweeps.ISweepProgressSink")]
internal interface ISweepProgressSink : IGrainWithStringKey
{
    /// <summary>A cell grain reports a batch of finished trials (ignored when from an older run).</summary>
    [Alias("ReportProgress")]
    Task ReportProgress(CellProgress progress);
}
