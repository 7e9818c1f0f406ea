using System.Globalization;
using ScottPlot;
using Sweeps.Client.Output;
using Sweeps.Client.Specs;

namespace Sweeps.Client.Plots;

/// <summary>
/// Draws a per-trial scatter plot (PNG and SVG) from the trial rows (in memory after run and export, read back from
/// trials.csv by <c>sweeps plot</c>): one point per trial at
/// (log10 x, log10 y), one colour and one open marker shape per method (opaque outlines: where the
/// points of two methods overlap, both shapes stay visible and no blended colour appears that the
/// legend does not show), a legend giving each method's point count, axes
/// labelled in the original units. Trials whose x or y is missing, non-finite or not positive
/// have no place on a log axis and are left out (the legend counts only the points drawn).
/// </summary>
public static class ScatterPlot
{
    private const string Font = "DejaVu Sans";
    private const int Width = 760, Height = 560;
    private static readonly Color[] MethodColors =
        [Colors.Blue, Colors.OrangeRed, Colors.Green, Colors.Purple, Colors.DarkGoldenRod, Colors.Teal];
    private static readonly MarkerShape[] MethodMarkers =
        [MarkerShape.OpenCircle, MarkerShape.OpenSquare, MarkerShape.OpenTriangleUp, MarkerShape.OpenDiamond, MarkerShape.Cross, MarkerShape.Eks, MarkerShape.OpenTriangleDown];

    /// <summary>Renders every scatter plot of a spec from &lt;folder&gt;/trials.csv (<c>sweeps plot</c>); returns the files written.</summary>
    public static List<string> RenderAll(string folder, LoadedSpec spec) =>
        spec.Scatters.IsEmpty ? [] : RenderAll(folder, spec, Rows(TrialTable.ReadCsv(Path.Combine(folder, OutputFolder.TrialsCsv))));

    /// <summary>Renders every scatter plot of a spec from the trial table in memory (run, export); returns the files written.</summary>
    public static List<string> RenderAll(string folder, LoadedSpec spec, TrialTable trials) =>
        spec.Scatters.IsEmpty ? [] : RenderAll(folder, spec, trials.Numbers());

    private static List<string> RenderAll(string folder, LoadedSpec spec, IReadOnlyList<TrialNumbers> rows) =>
        spec.Scatters.SelectMany(s => Render(folder, s, rows, PhaseDiagram.Title(spec))).ToList();

    /// <summary>The points of one method: (x, y) of each trial where both are finite and positive, in row order.</summary>
    public static IReadOnlyDictionary<string, List<(double X, double Y)>> Points(ScatterRequest request, IEnumerable<IReadOnlyDictionary<string, string>> rows) =>
        Points(request, Rows(rows));

    private static Dictionary<string, List<(double X, double Y)>> Points(ScatterRequest request, IEnumerable<TrialNumbers> rows)
    {
        var points = new Dictionary<string, List<(double X, double Y)>>();
        foreach (var row in rows)
        {
            double x = Value(request.X, row), y = Value(request.Y, row);
            if (!points.TryGetValue(row.Method, out var list))
                points[row.Method] = list = [];
            if (double.IsFinite(x) && double.IsFinite(y) && x > 0 && y > 0)
                list.Add((x, y));
        }
        return points;
    }

    /// <summary>trials.csv rows read back: a column's text as a number, NaN when empty or absent.</summary>
    private static TrialNumbers[] Rows(IEnumerable<IReadOnlyDictionary<string, string>> rows) =>
        [.. rows.Select(row => new TrialNumbers(row["method"], column =>
            row.TryGetValue(column, out var text) && text.Length > 0 ? double.Parse(text, CultureInfo.InvariantCulture) : double.NaN))];

    /// <summary>A column of a trial as a number; flatness_ratio = hessian_trace / flat_trace_at_truth.</summary>
    private static double Value(string column, TrialNumbers row) =>
        column == ScatterRequest.FlatnessRatio ? row.Value("hessian_trace") / row.Value("flat_trace_at_truth") : row.Value(column);

    /// <summary>Writes &lt;folder&gt;/&lt;request.FileStem&gt;.png and .svg; returns both paths.</summary>
    private static string[] Render(string folder, ScatterRequest request, IEnumerable<TrialNumbers> rows, string title)
    {
        var plot = Build(request, rows, title);
        var png = Path.Combine(folder, request.FileStem + ".png");
        var svg = Path.Combine(folder, request.FileStem + ".svg");
        AtomicFile.WriteAsync(png, s => { s.Write(plot.GetImageBytes(Width, Height, ImageFormat.Png)); return Task.CompletedTask; }).GetAwaiter().GetResult();
        AtomicFile.WriteTextAsync(svg, plot.GetSvgXml(Width, Height)).GetAwaiter().GetResult();
        return [png, svg];
    }

    /// <summary>The plot: one scatter per method, in the order methods first appear in the rows.</summary>
    internal static Plot Build(ScatterRequest request, IEnumerable<IReadOnlyDictionary<string, string>> rows, string title) =>
        Build(request, Rows(rows), title);

    private static Plot Build(ScatterRequest request, IEnumerable<TrialNumbers> rows, string title)
    {
        var points = Points(request, rows);
        var plot = new Plot();
        plot.Font.Set(Font);
        plot.Title(title + ": one point per trial", 16);
        plot.XLabel(request.X + " (log scale)", 16);
        plot.YLabel(request.Y + " (log scale)", 16);
        var c = 0;
        foreach (var (method, list) in points)
        {
            var scatter = plot.Add.ScatterPoints(list.Select(p => Math.Log10(p.X)).ToArray(), list.Select(p => Math.Log10(p.Y)).ToArray());
            scatter.Color = MethodColors[c % MethodColors.Length];
            scatter.MarkerShape = MethodMarkers[c++ % MethodMarkers.Length];
            scatter.MarkerSize = 8;
            scatter.MarkerLineWidth = 1.5f;
            scatter.LegendText = $"{method} ({list.Count})";
        }
        var all = points.Values.SelectMany(l => l).ToList();
        if (all.Count > 0)
        {
            var (xRange, yRange) = (Padded(all.Select(p => Math.Log10(p.X))), Padded(all.Select(p => Math.Log10(p.Y))));
            plot.Axes.Bottom.TickGenerator = LogTicks.For(xRange);
            plot.Axes.Left.TickGenerator = LogTicks.For(yRange);
            plot.Axes.SetLimits(xRange.Min, xRange.Max, yRange.Min, yRange.Max);
        }
        plot.ShowLegend(Alignment.UpperLeft);
        plot.Legend.FontSize = 13;
        return plot;
    }

    /// <summary>The range of the values widened by 5% on each side (at least 0.05 decades), the axis limits.</summary>
    private static ScottPlot.Range Padded(IEnumerable<double> values)
    {
        var list = values.ToList();
        double lo = list.Min(), hi = list.Max(), pad = Math.Max(0.05 * (hi - lo), 0.05);
        return new ScottPlot.Range(lo - pad, hi + pad);
    }
}
