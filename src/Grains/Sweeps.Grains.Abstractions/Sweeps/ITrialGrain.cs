namespace Sweeps.Grains.Sweeps;

/// <summary>
/// One trial, keyed by <see cref="GrainKeys.Trial"/>. Start-then-report: <see cref="Run"/> returns
/// at once; the trial is computed on the silo's bounded executor, its record is persisted, and
/// only then reported to its cell grain. A trial whose record is already stored is not recomputed:
/// the stored record is reported again (as reused). Calling Run while the trial runs is a no-op.
/// </summary>
[Alias("Sweeps.ITrialGrain")]
public interface ITrialGrain : IGrainWithStringKey
{
    /// <summary>Computes trial <paramref name="trial"/> of <paramref name="work"/> (or reports its stored record) and reports it to <paramref name="cell"/>.</summary>
    [Alias("Run")]
    Task Run(TrialWork work, int trial, ICellGrain cell);

    /// <summary>The stored record, or null while the trial has not finished.</summary>
    [Alias("GetRecord")]
    Task<TrialRecord?> GetRecord();
}
