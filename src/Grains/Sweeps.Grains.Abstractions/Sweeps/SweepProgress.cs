using System.Collections.Immutable;

namespace Sweeps.Grains.Sweeps;

/// <summary>
/// A snapshot of a sweep's counters. Done = Computed + Reused: a trial is Reused when its result
/// was already stored when the current run reached it (a restart or an extension), Computed when
/// the current run computed it. Diverged counts trials whose status is diverged (including trials
/// that threw). Each trial of the definition is counted exactly once per run.
/// </summary>
[GenerateSerializer, Immutable, Alias("Sweeps.SweepProgress")]
public sealed record SweepProgress(
    [property: Id(0)] string SweepId,
    [property: Id(1)] SweepStatus Status,
    [property: Id(2)] long Total,
    [property: Id(3)] long Done,
    [property: Id(4)] long Computed,
    [property: Id(5)] long Reused,
    [property: Id(6)] long Successes,
    [property: Id(7)] long Diverged,
    [property: Id(8)] ImmutableArray<MethodProgress> Methods,
    [property: Id(9)] DateTimeOffset? StartedAt,
    [property: Id(10)] DateTimeOffset? FinishedAt)
{
    /// <summary>True once the sweep will make no more progress by itself (completed or cancelled).</summary>
    public bool IsFinal => Status is SweepStatus.Completed or SweepStatus.Cancelled;
}
