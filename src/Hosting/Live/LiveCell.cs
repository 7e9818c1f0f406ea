using Sweeps.Grains.Sweeps;
using Sweeps.Numerics.Trials;

namespace Sweeps.Hosting.Live;

/// <summary>
/// What the live page knows of one cell x method: counts by outcome, the success rate with its
/// Wilson 95% interval, and medians over the finite values (the cells.csv statistics). The page's
/// data is only these aggregates, never the trial table, so it stays small at any trial count.
/// </summary>
public sealed record LiveCell(
    int Cell,
    string Method,
    int Trials,
    int Successes,
    double SuccessRate,
    double CiLow,
    double CiHigh,
    double MedianError,
    double MedianHessianTrace,
    double MedianSeconds,
    int Converged,
    int IterationLimit,
    int Diverged,
    int InvalidInstance)
{
    /// <summary>The aggregate of the records of one cell x method (trial indices past the sweep's trial count excluded).</summary>
    public static LiveCell Of(CellDefinition cell, string method, IReadOnlyCollection<TrialRecord> records)
    {
        var s = CellStatistics.Of(records);
        return new LiveCell(
            cell.Index, method, s.Trials, s.Successes, s.SuccessRate, s.CiLow, s.CiHigh, s.MedianError, s.MedianHessianTrace, s.MedianSeconds,
            s.Count(TrialStatus.Converged), s.Count(TrialStatus.IterationLimit), s.Count(TrialStatus.Diverged), s.Count(TrialStatus.InvalidInstance));
    }
}
