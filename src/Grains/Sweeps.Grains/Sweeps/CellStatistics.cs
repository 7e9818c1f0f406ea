using Sweeps.Numerics.Statistics;

namespace Sweeps.Grains.Sweeps;

/// <summary>
/// The statistics of one cell x method over its trial records, shared by cells.csv and the live page:
/// the success count and rate with its Wilson 95% interval (rate NaN for no trials), and medians over
/// the finite values only (NaN when there are none).
/// </summary>
public readonly record struct CellStatistics(
    int Trials, int Successes, double SuccessRate, double CiLow, double CiHigh,
    double MedianError, double MedianHessianTrace, double MedianSeconds)
{
    public static CellStatistics Of(IReadOnlyCollection<TrialRecord> records)
    {
        var successes = records.Count(r => r.Success);
        var (low, high) = WilsonInterval.Of(successes, records.Count);
        return new CellStatistics(
            records.Count, successes, records.Count == 0 ? double.NaN : (double)successes / records.Count, low, high,
            FiniteMedian.Of(records.Select(r => r.RelError)), FiniteMedian.Of(records.Select(r => r.HessianTrace)),
            FiniteMedian.Of(records.Select(r => r.Seconds)));
    }
}
