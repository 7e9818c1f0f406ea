using System.Collections.Immutable;
using Sweeps.Numerics.Statistics;
using Sweeps.Numerics.Trials;

namespace Sweeps.Grains.Sweeps;

/// <summary>
/// The statistics of one cell x method over its trial records, shared by cells.csv and the live page:
/// the success count and rate with its Wilson 95% interval (rate NaN for no trials), and medians over
/// the finite values only (NaN when there are none), and how many trials ended with each status.
/// </summary>
public readonly record struct CellStatistics(
    int Trials, int Successes, double SuccessRate, double CiLow, double CiHigh,
    double MedianError, double MedianHessianTrace, double MedianSeconds, ImmutableArray<int> StatusCounts)
{
    /// <summary>The statuses in the order of <see cref="StatusCounts"/>.</summary>
    public static ImmutableArray<TrialStatus> Statuses { get; } = [.. Enum.GetValues<TrialStatus>()];

    /// <summary>How many trials ended with <paramref name="status"/>.</summary>
    public int Count(TrialStatus status) => StatusCounts[Statuses.IndexOf(status)];

    public static CellStatistics Of(IReadOnlyCollection<TrialRecord> records)
    {
        var successes = records.Count(r => r.Success);
        var (low, high) = WilsonInterval.Of(successes, records.Count);
        return new CellStatistics(
            records.Count, successes, records.Count == 0 ? double.NaN : (double)successes / records.Count, low, high,
            FiniteMedian.Of(records.Select(r => r.RelError)), FiniteMedian.Of(records.Select(r => r.HessianTrace)),
            FiniteMedian.Of(records.Select(r => r.Seconds)),
            [.. Statuses.Select(status => records.Count(r => r.Status == status))]);
    }
}
