using System.Collections.Immutable;
using Sweeps.Grains.Sweeps;
using Sweeps.Numerics.Trials;

namespace Sweeps.Grains.Sweeps;

/// <summary>Builds the stored <see cref="TrialRecord"/> of a trial from its numerical result or from the exception it threw.</summary>
public static class TrialRecords
{
    public static TrialRecord From(TrialWork work, int trial, ulong seed, TrialResult result) => From(work.CellKey, work.Method, trial, seed, result);

    /// <summary>The record of a result outside a sweep too (<c>sweeps trial</c> prints it through the same row builder).</summary>
    public static TrialRecord From(string cellKey, string method, int trial, ulong seed, TrialResult result) => new(
        cellKey, method, trial, seed, result.Status, result.Reason, result.RelError, result.Success,
        result.Loss, result.HessianTrace, result.FlatTraceAtTruth, result.BalanceGap, result.Rank, result.Iterations,
        result.Seconds, [.. result.Extras], double.IsNaN(result.DualityGap) ? null : result.DualityGap, result.Certified);

    /// <summary>A trial that threw is recorded as diverged with the exception as its reason, never lost.</summary>
    public static TrialRecord Failed(TrialWork work, int trial, ulong seed, Exception error, double seconds) => new(
        work.CellKey, work.Method, trial, seed, TrialStatus.Diverged, $"{error.GetType().Name}: {error.Message}",
        double.NaN, false, double.NaN, double.NaN, double.NaN, double.NaN, 0, 0, seconds,
        ImmutableArray<KeyValuePair<string, double>>.Empty);
}
