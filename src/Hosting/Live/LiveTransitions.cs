using System.Collections.Immutable;
using Sweeps.Grains.Sweeps;
using Sweeps.Numerics.Statistics;

namespace Sweeps.Hosting.Live;

/// <summary>One fitted line of the live page: a transitions.csv row (its columns' names, the coordinates as an object), NaN as null.</summary>
public sealed record LiveTransitionLine(
    string Method, ImmutableSortedDictionary<string, double> Coordinates, string Axis,
    double M50, double M50Low, double M50High, double Width, int Trials, int Successes, double Theory, string Fit);

/// <summary>
/// The sweep's transitions so far: the axis (null: the grid has none, and there are no lines) and every line fitted
/// to the live aggregates by <see cref="TransitionLines"/>, the code of transitions.csv, so that the last one equals the file.
/// </summary>
public sealed record LiveTransitions(string? Axis, ImmutableArray<LiveTransitionLine> Lines)
{
    /// <summary>The lines of <paramref name="cells"/> (by cell index and method; a cell not read yet counts no trials), cells in grid order, methods in spec order as cells.csv.</summary>
    public static LiveTransitions Of(SweepDefinition d, string? axis, IReadOnlyDictionary<(int Cell, string Method), LiveCell> cells)
    {
        var counts = d.Cells.SelectMany(c => d.Methods.Select(m =>
        {
            var live = cells.GetValueOrDefault((c.Index, m));
            return new LineCell(m, d.ParametersOf(c, m), live?.Trials ?? 0, live?.Successes ?? 0);
        }));
        return new LiveTransitions(axis, [.. TransitionLines.Fit(d.Problem, axis, counts).Select(r => new LiveTransitionLine(
            r.Method, r.Coordinates, r.Axis, r.Fit.X50, r.Fit.Low, r.Fit.High, r.Fit.Width, r.Fit.Trials, r.Fit.Successes, r.Theory ?? double.NaN, r.Fit.Status))]);
    }
}
