using System.Collections.Immutable;
using Sweeps.Grains.Sweeps;
using Sweeps.Numerics.Statistics;

namespace Sweeps.Client.Adaptive;

/// <summary>What a line of an adaptive sweep needs after a round (<see cref="AdaptivePlanner"/>).</summary>
public static class LineState
{
    /// <summary>The 95% interval is still wider than the precision: the next round adds trials near the estimate.</summary>
    public const string Refining = "refining";

    /// <summary>(High - Low) / m50 is at most the precision.</summary>
    public const string Precise = "precise";

    /// <summary>Every trial of the line failed, or every one succeeded: the grid does not bracket a transition.</summary>
    public const string NoTransition = "no-transition";

    /// <summary>Not precise when the sweep's budget (max_trials) ran out.</summary>
    public const string Budget = "budget";
}

/// <summary>One line (method and every coordinate but the axis) after a round: its fit and its state.</summary>
public sealed record AdaptiveLine(string Method, ImmutableSortedDictionary<string, double> Coordinates, TransitionFit Fit, string State)
{
    /// <summary>(High - Low) / m50, the 95% interval's width relative to the 50% point; NaN when an end is missing.</summary>
    public double RelativeWidth => (Fit.High - Fit.Low) / Fit.X50;
}

/// <summary>
/// The outcome of round <see cref="Round"/> (0: the spec's grid): each line's state, and the definition of the next
/// round, or null when the sweep is done (no line refining, or the budget is spent).
/// </summary>
public sealed record AdaptivePlan(int Round, SweepDefinition? Next, ImmutableArray<AdaptiveLine> Lines)
{
    public bool IsDone => Next is null;

    /// <summary>Why a finished sweep stopped: <c>budget</c> when a line was still refining, else <c>done</c>; null while refining.</summary>
    public string? Stopped => !IsDone ? null : Lines.Any(l => l.State == LineState.Budget) ? LineState.Budget : "done";
}

/// <summary>Trials and successes of one cell x method.</summary>
public readonly record struct CellCount(int Trials, int Successes);
