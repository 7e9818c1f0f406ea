using System.Globalization;
using Sweeps.Client.Output;
using Sweeps.Client.Specs;
using Sweeps.Numerics.Trials;

namespace Sweeps.Client.Plots;

/// <summary>
/// The numbers behind one phase diagram: for each facet value a matrix Values[y, x] of the metric
/// over the sorted x and y values (method dimensions keep their order). The spec loader and `sweeps plot`
/// refuse a plot that leaves a varying dimension unnamed (<see cref="PlotRequest.PoolingError"/>), so each square
/// is one cell; should several cells still meet (a redrawn folder), success counts are added and medians are the
/// median of the cells' medians. Missing combinations are NaN and not <c>Present</c> (an adaptive sweep's lines each
/// have their own refined m values).
/// </summary>
internal sealed record PhaseGrid(
    PlotRequest Request,
    IReadOnlyList<string> XLabels,
    IReadOnlyList<double>? XValues,
    IReadOnlyList<string> YLabels,
    IReadOnlyList<double>? YValues,
    IReadOnlyList<(string Facet, double[,] Values, string FacetKey, bool[,] Present)> Panels)
{
    public static PhaseGrid Build(PlotRequest request, IReadOnlyList<CellSummary> cells)
    {
        var (xKeys, xValues) = Dimension(request.X, cells);
        var (yKeys, yValues) = Dimension(request.Y, cells);
        var (facetKeys, _) = request.Facet is null ? ([""], null) : Dimension(request.Facet, cells);
        var groups = cells.ToLookup(c => (Key(request.X, c), Key(request.Y, c), request.Facet is null ? "" : Key(request.Facet, c)));
        var panels = new List<(string, double[,], string, bool[,])>();
        foreach (var facet in facetKeys)
        {
            var values = new double[yKeys.Count, xKeys.Count];
            var present = new bool[yKeys.Count, xKeys.Count];
            for (var j = 0; j < yKeys.Count; j++)
            {
                for (var i = 0; i < xKeys.Count; i++)
                {
                    List<CellSummary> here = [.. groups[(xKeys[i], yKeys[j], facet)]];
                    values[j, i] = Metric(request.Metric, here);
                    present[j, i] = here.Count > 0;
                }
            }
            panels.Add((request.Facet is null ? "" : $"{request.Facet} = {facet}", values, facet, present));
        }
        return new PhaseGrid(request, xKeys, xValues, yKeys, yValues, panels);
    }

    private static double Metric(string metric, List<CellSummary> cells)
    {
        var trials = cells.Sum(c => c.Trials);
        return metric switch
        {
            PlotMetrics.SuccessRate => trials == 0 ? double.NaN : (double)cells.Sum(c => c.Successes) / trials,
            PlotMetrics.MedianError => CellTable.Median(cells.Select(c => c.MedianError)),
            PlotMetrics.MedianErrorOverNoise => CellTable.Median(cells.Select(c => c.MedianErrorOverNoise)),
            _ => CellTable.Median(cells.Select(c => c.MedianHessianTrace)),
        };
    }

    /// <summary>The distinct values of a dimension as labels (numbers sorted ascending; methods in order of appearance) and, for numbers, the values.</summary>
    private static (List<string> Keys, List<double>? Values) Dimension(string name, IReadOnlyList<CellSummary> cells)
    {
        if (name == PlotRequest.Method)
            return (cells.Select(c => c.Method).Distinct().ToList(), null);
        var values = cells.Select(c => Value(name, c.Parameters)).Where(v => !double.IsNaN(v)).Distinct().Order().ToList();
        return (values.Select(Label).ToList(), values);
    }

    private static string Key(string name, CellSummary cell) => name == PlotRequest.Method ? cell.Method : Label(Value(name, cell.Parameters));

    /// <summary>A parameter of a cell or line; the spec's d is stored as d1 (= d2) in cells.csv.</summary>
    internal static double Value(string name, IReadOnlyDictionary<string, double> parameters) =>
        parameters.TryGetValue(name, out var v) ? v
        : name == ParameterNames.D && parameters.TryGetValue(ParameterNames.D1, out var d) ? d
        : double.NaN;

    internal static string Label(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>
    /// Maps a real axis value to grid index space (cell centres at 0, 1, ...) by piecewise-linear
    /// interpolation between the sorted axis values, extrapolating the end segments.
    /// </summary>
    public static double ToIndex(IReadOnlyList<double> axis, double value)
    {
        if (axis.Count == 1)
            return value - axis[0];
        var k = 0;
        while (k < axis.Count - 2 && value > axis[k + 1])
            k++;
        return k + (value - axis[k]) / (axis[k + 1] - axis[k]);
    }
}
