using Sweeps.Client.Output;
using Sweeps.Client.Specs;
using Sweeps.Numerics.Statistics;

namespace Sweeps.Client.Plots;

/// <summary>
/// The fitted 50% curve a phase-diagram panel shows beside the theory curves: for each value of the other plotted
/// axis, the transitions.csv m50 and its 95% interval (bounds that did not close are NaN), in real units. Drawn only
/// when the panel's plotted axes are the transition axis and a numeric axis, and each value of the other axis holds
/// exactly one fitted line: when the panel pools lines (an axis or the methods not plotted), there is no single
/// curve, and none is drawn. Lines without a 50% point (all-fail, all-success, not-monotone, too-few) are left out.
/// </summary>
internal sealed record FittedTransition(bool AxisOnX, IReadOnlyList<(double Other, double M50, double Low, double High)> Points)
{
    public const string Label = "50% success (probit fit, 95% band)";

    public static FittedTransition? For(PhaseGrid grid, string facetKey, IReadOnlyList<TransitionRow> rows)
    {
        var request = grid.Request;
        if (rows.Count == 0 || grid.XValues is null || grid.YValues is null)
            return null;
        var axis = rows[0].Axis;
        if (request.X != axis && request.Y != axis)
            return null;
        var other = request.X == axis ? request.Y : request.X;
        var inPanel = rows.Where(r => request.Facet is null
            || (request.Facet == PlotRequest.Method ? r.Method == facetKey : PhaseGrid.Label(PhaseGrid.Value(request.Facet, r.Coordinates)) == facetKey)).ToList();
        var lines = inPanel.GroupBy(r => PhaseGrid.Value(other, r.Coordinates)).ToList();
        if (lines.Count == 0 || lines.Any(g => g.Count() > 1 || double.IsNaN(g.Key)))
            return null;
        var points = lines.Select(g => g.Single()).Where(r => double.IsFinite(r.Fit.X50))
            .Select(r => (PhaseGrid.Value(other, r.Coordinates), r.Fit.X50, r.Fit.Low, r.Fit.High)).OrderBy(p => p.Item1).ToList();
        return points.Count == 0 ? null : new FittedTransition(request.X == axis, points);
    }
}
