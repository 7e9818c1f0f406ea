using System.Globalization;
using ScottPlot;
using SkiaSharp;
using Sweeps.Client.Output;
using Sweeps.Client.Specs;
using Sweeps.Numerics.Statistics;

namespace Sweeps.Client.Plots;

/// <summary>
/// Draws a phase diagram (PNG and SVG): one heat-map panel per facet value, side by side, cells
/// at the real axis values (as tick labels; to scale on an unevenly spaced axis, <see cref="PanelAxis"/>), a colour bar with the metric's name, the empirical
/// 50% contour of the success rate (<see cref="HalfContour"/>; numeric x and y only), the fitted 50% curve with its
/// 95% band (<see cref="FittedTransition"/>, from transitions.csv), optional overlay curves with a
/// legend, and a title naming the problem and the fixed parameters. The log-scale metrics
/// (<see cref="PlotMetrics.IsLogScale"/>) are coloured by log10.
/// </summary>
public static class PhaseDiagram
{
    private const string Font = "DejaVu Sans";
    private const int PanelWidth = 560, PanelHeight = 460, TitleHeight = 44;
    private static readonly Color NaNColor = Colors.LightGray, ContourColor = Colors.White, FittedColor = Colors.Black, BandColor = Colors.White.WithAlpha(0.35);
    private static readonly Color[] OverlayColors = [Colors.Red, Colors.Orange, Colors.Magenta, Colors.Cyan];

    /// <summary>
    /// Renders every plot of a spec into the folder, each phase diagram with the theory curves that fit its axes, then
    /// the scatter plots (<see cref="ScatterPlot"/>) from <paramref name="trials"/> when given (run, export), else from
    /// the folder's trials.csv (<c>sweeps plot</c>); returns the files written.
    /// </summary>
    public static List<string> RenderAll(string folder, LoadedSpec spec, IReadOnlyList<CellSummary> cells, TrialTable? trials = null)
    {
        var transitions = TransitionTable.Fit(spec.Definition.Problem, spec.TransitionAxis, cells);
        return
        [
            .. spec.Plots.SelectMany(p => Render(folder, p, cells, Title(spec), TheoryOverlays.For(spec, p), transitions)),
            .. trials is null ? ScatterPlot.RenderAll(folder, spec) : ScatterPlot.RenderAll(folder, spec, trials),
        ];
    }

    /// <summary>"&lt;problem&gt; (fixed: d=20, k=20; 20 trials per cell)"; an adaptive sweep's cells have their own counts (cells.csv).</summary>
    public static string Title(LoadedSpec spec)
    {
        var fixedText = string.Join(", ", spec.Fixed.Select(f => f.Key + "=" + f.Value.ToString("G6", CultureInfo.InvariantCulture)));
        var trials = spec.Adaptive is null ? $"{spec.Definition.Trials} trials per cell" : "adaptive trials per cell";
        return $"{spec.Definition.Problem} ({(fixedText.Length == 0 ? "" : fixedText + "; ")}{trials})";
    }

    /// <summary>Writes &lt;folder&gt;/&lt;request.FileStem&gt;.png and .svg, each atomically; returns both paths.</summary>
    public static string[] Render(
        string folder, PlotRequest request, IReadOnlyList<CellSummary> cells, string title, IReadOnlyList<OverlayCurve>? overlays = null,
        IReadOnlyList<TransitionRow>? transitions = null)
    {
        var grid = PhaseGrid.Build(request, cells);
        var width = PanelWidth * grid.Panels.Count;
        const int height = PanelHeight + TitleHeight;
        var png = Path.Combine(folder, request.FileStem + ".png");
        var svg = Path.Combine(folder, request.FileStem + ".svg");

        using (var surface = SKSurface.Create(new SKImageInfo(width, height)))
        {
            Draw(surface.Canvas, grid, title, overlays ?? [], transitions ?? [], width);
            using var image = surface.Snapshot();
            using var data = image.Encode(SKEncodedImageFormat.Png, 100);
            AtomicFile.WriteAsync(png, s => { data.SaveTo(s); return Task.CompletedTask; }).GetAwaiter().GetResult();
        }
        AtomicFile.WriteAsync(svg, s =>
        {
            using (var canvas = SKSvgCanvas.Create(new SKRect(0, 0, width, height), s))
                Draw(canvas, grid, title, overlays ?? [], transitions ?? [], width);
            return Task.CompletedTask;
        }).GetAwaiter().GetResult();
        return [png, svg];
    }

    private static void Draw(SKCanvas canvas, PhaseGrid grid, string title, IReadOnlyList<OverlayCurve> overlays, IReadOnlyList<TransitionRow> transitions, int width)
    {
        canvas.Clear(SKColors.White);
        using (var font = TitleFont(title, width))
        using (var paint = new SKPaint { Color = SKColors.Black, IsAntialias = true })
            canvas.DrawText(title, width / 2f, 30, SKTextAlign.Center, font, paint);
        for (var p = 0; p < grid.Panels.Count; p++)
        {
            // A plot clears the whole canvas it renders on: record each panel as a picture and place it inside a clip.
            using var recorder = new SKPictureRecorder();
            var panelCanvas = recorder.BeginRecording(new SKRect(0, 0, PanelWidth, PanelHeight));
            var fitted = FittedTransition.For(grid, grid.Panels[p].FacetKey, transitions);
            Panel(grid, grid.Panels[p].Facet, grid.Panels[p].Values, overlays, fitted, ColourRange(grid), grid.Panels[p].Present).Render(panelCanvas, PanelWidth, PanelHeight);
            using var picture = recorder.EndRecording();
            canvas.Save();
            canvas.ClipRect(SKRect.Create(p * PanelWidth, TitleHeight, PanelWidth, PanelHeight));
            canvas.DrawPicture(picture, p * PanelWidth, TitleHeight);
            canvas.Restore();
        }
    }

    /// <summary>
    /// One panel: cells laid out by <see cref="PanelAxis"/>, contour, fitted and theory curves in the same coordinates.
    /// With an axis to scale (unevenly spaced numeric values) the cells and the empirical contour are laid out row by
    /// row over each row's own values (<see cref="RowCells"/>); <paramref name="present"/> says which cells exist
    /// (default: those with a value).
    /// </summary>
    internal static Plot Panel(
        PhaseGrid grid, string facet, double[,] values, IReadOnlyList<OverlayCurve> overlays, FittedTransition? fitted, ScottPlot.Range range,
        bool[,]? present = null)
    {
        var request = grid.Request;
        var log = PlotMetrics.IsLogScale(request.Metric);
        int ny = values.GetLength(0), nx = values.GetLength(1);
        var (xAxis, yAxis) = (PanelAxis.For(grid.XLabels, grid.XValues), PanelAxis.For(grid.YLabels, grid.YValues));
        var rows = xAxis.ToScale || yAxis.ToScale
            ? RowCells.Of(values, present ?? Measured(values), xAxis.ToScale ? xAxis : yAxis, (xAxis.ToScale ? grid.XValues : grid.YValues)!, xAxis.ToScale)
            : null;

        var plot = new Plot();
        plot.Font.Set(Font);
        plot.Title(facet, 16);
        plot.XLabel(request.X, 16);
        plot.YLabel(request.Y, 16);

        var shown = new double[ny, nx];
        for (var j = 0; j < ny; j++)
            for (var i = 0; i < nx; i++)
                shown[j, i] = log ? Math.Log10(values[j, i]) : values[j, i];
        var scale = new ColourScale(new ScottPlot.Colormaps.Viridis(), range);
        if (rows is not null)
            AddCells(plot, shown, rows, rows.AlongX ? yAxis : xAxis, scale);
        else
        {
            // ScottPlot draws row 0 at the top: flip so that y grows upwards.
            var flipped = new double[ny, nx];
            for (var j = 0; j < ny; j++)
                for (var i = 0; i < nx; i++)
                    flipped[ny - 1 - j, i] = shown[j, i];
            var heatmap = plot.Add.Heatmap(flipped);
            heatmap.Colormap = scale.Colormap;
            heatmap.NaNCellColor = NaNColor;
            heatmap.Position = new CoordinateRect(0, Math.Max(nx - 1, 1e-9), 0, Math.Max(ny - 1, 1e-9));
            heatmap.ManualRange = range;
        }
        var bar = plot.Add.ColorBar(scale);
        bar.Label = request.Metric.Replace('_', ' ').Replace("error", "relative error", StringComparison.Ordinal) + (log ? " (log scale)" : "");
        bar.LabelStyle.FontSize = 14;
        if (log)
            bar.Axis.TickGenerator = LogTicks.For(range);

        plot.Axes.Bottom.TickGenerator = xAxis.Ticks();
        plot.Axes.Left.TickGenerator = yAxis.Ticks();
        plot.Axes.SetLimits(xAxis.Low, xAxis.High, yAxis.Low, yAxis.High);

        var legend = false;
        // A contour needs two numeric dimensions: interpolating between methods means nothing.
        if (request.Metric == PlotMetrics.SuccessRate && grid.XValues is not null && grid.YValues is not null)
            legend |= rows is null ? AddContour(plot, values, xAxis, yAxis) : AddRowContour(plot, rows, rows.AlongX ? yAxis : xAxis);
        if (grid.XValues is not null && grid.YValues is not null)
        {
            if (fitted is not null)
            {
                AddFitted(plot, fitted, xAxis, yAxis);
                legend = true;
            }
            for (var c = 0; c < overlays.Count; c++)
            {
                var points = overlays[c].Points;
                var scatter = plot.Add.ScatterLine(points.Select(p => xAxis.Map(p.X)).ToArray(), points.Select(p => yAxis.Map(p.Y)).ToArray());
                scatter.Color = OverlayColors[c % OverlayColors.Length];
                scatter.LineWidth = 3;
                scatter.LinePattern = LinePattern.Dashed;
                scatter.LegendText = overlays[c].Label;
                legend = true;
            }
        }
        if (legend)
        {
            plot.ShowLegend(Alignment.UpperLeft);
            plot.Legend.FontSize = 12;
            // Dark box so that the white contour's legend line shows.
            plot.Legend.BackgroundColor = Color.FromHex("#404040");
            plot.Legend.FontColor = Colors.White;
        }
        return plot;
    }

    /// <summary>The title's font: bold 20 px, smaller (down to 9 px) when the title would not fit the picture's width with a margin, so it is never clipped.</summary>
    internal static SKFont TitleFont(string title, int width)
    {
        const float Largest = 20, Smallest = 9, Margin = 16;
        var font = new SKFont(SKTypeface.FromFamilyName(Font, SKFontStyle.Bold), Largest);
        var measured = font.MeasureText(title);
        if (measured > width - Margin)
            font.Size = Math.Max(Smallest, (float)Math.Floor(Largest * (width - Margin) / measured * 10) / 10);
        return font;
    }

    /// <summary>
    /// The fitted 50% curve in the panel's coordinates: a band between the interval ends (an end that did not close
    /// reaches the plot's edge), a bar per line, and the m50 points joined by a solid line.
    /// </summary>
    private static void AddFitted(Plot plot, FittedTransition fitted, PanelAxis xAxis, PanelAxis yAxis)
    {
        var (axis, other) = fitted.AxisOnX ? (xAxis, yAxis) : (yAxis, xAxis);
        double Edge(double value, double nan) => double.IsNaN(value) ? nan : Math.Clamp(axis.Map(value), axis.Low, axis.High);
        var points = fitted.Points.Select(p => (Other: other.Map(p.Other), M50: axis.Map(p.M50),
            Low: Edge(p.Low, axis.Low), High: Edge(p.High, axis.High))).ToList();
        Coordinates At(double along, double across) => fitted.AxisOnX ? new(along, across) : new(across, along);
        if (points.Count > 1)
        {
            var band = plot.Add.Polygon([.. points.Select(p => At(p.Low, p.Other)), .. points.AsEnumerable().Reverse().Select(p => At(p.High, p.Other))]);
            band.FillColor = BandColor;
            band.LineWidth = 0;
        }
        foreach (var p in points)
        {
            var bar = plot.Add.Line(At(p.Low, p.Other), At(p.High, p.Other));
            bar.LineColor = FittedColor;
            bar.LineWidth = 2;
        }
        var curve = plot.Add.ScatterLine(points.Select(p => At(p.M50, p.Other).X).ToArray(), points.Select(p => At(p.M50, p.Other).Y).ToArray());
        curve.Color = FittedColor;
        curve.LineWidth = 3;
        curve.MarkerShape = MarkerShape.FilledCircle;
        curve.MarkerSize = 8;
        curve.LegendText = FittedTransition.Label;
    }

    /// <summary>One colour range for all panels, so that equal colours mean equal values across facets: [0, 1] for the success rate, else the finite values' range (of log10 for log-scale metrics).</summary>
    private static ScottPlot.Range ColourRange(PhaseGrid grid)
    {
        var metric = grid.Request.Metric;
        if (metric == PlotMetrics.SuccessRate)
            return new ScottPlot.Range(0, 1);
        var finite = grid.Panels.SelectMany(p => p.Values.Cast<double>())
            .Select(v => PlotMetrics.IsLogScale(metric) ? Math.Log10(v) : v).Where(double.IsFinite).ToList();
        if (finite.Count == 0)
            return new ScottPlot.Range(0, 1);
        double lo = finite.Min(), hi = finite.Max();
        return lo == hi ? new ScottPlot.Range(lo - 0.5, hi + 0.5) : new ScottPlot.Range(lo, hi);
    }

    private const string EmpiricalLabel = "50% success (empirical)";

    /// <summary>Cells that exist where the metric has a value (a caller without a grid's presence mask).</summary>
    private static bool[,] Measured(double[,] values)
    {
        var present = new bool[values.GetLength(0), values.GetLength(1)];
        for (var j = 0; j < values.GetLength(0); j++)
            for (var i = 0; i < values.GetLength(1); i++)
                present[j, i] = !double.IsNaN(values[j, i]);
        return present;
    }

    /// <summary>The marching-squares 50% contour (<see cref="HalfContour"/>) of a panel in grid index space; true when drawn.</summary>
    private static bool AddContour(Plot plot, double[,] values, PanelAxis xAxis, PanelAxis yAxis)
    {
        var first = true;
        foreach (var (a, b) in HalfContour.Segments(values, 0.5))
        {
            var line = plot.Add.Line(xAxis.FromIndex(a.X), yAxis.FromIndex(a.Y), xAxis.FromIndex(b.X), yAxis.FromIndex(b.Y));
            line.LineColor = ContourColor;
            line.LineWidth = 3;
            line.LegendText = first ? EmpiricalLabel : "";
            first = false;
        }
        return !first;
    }

    /// <summary>The per-row 50% crossings (<see cref="RowCells"/>): white dots, joined across neighbouring rows; true when drawn.</summary>
    private static bool AddRowContour(Plot plot, RowCells rows, PanelAxis across)
    {
        Coordinates At(int row, double along) => rows.AlongX ? new(along, across.FromIndex(row)) : new(across.FromIndex(row), along);
        var points = rows.Crossings.SelectMany((c, row) => c.Select(along => At(row, along))).ToArray();
        if (points.Length == 0)
            return false;
        foreach (var (a, b) in rows.Joins())
        {
            var line = plot.Add.Line(At(a.Row, a.Along), At(b.Row, b.Along));
            line.LineColor = ContourColor;
            line.LineWidth = 3;
        }
        var dots = plot.Add.ScatterPoints(points);
        dots.Color = ContourColor;
        dots.MarkerSize = 8;
        dots.MarkerShape = MarkerShape.FilledCircle;
        dots.LineWidth = 3;
        dots.LegendText = EmpiricalLabel;
        return true;
    }

    /// <summary>
    /// Cells as filled rectangles, for a panel with an axis drawn to scale (ScottPlot's heat map has equal cells):
    /// each row's own cells over their <see cref="RowCells"/> spans, across the row's <see cref="PanelAxis.Cells"/>
    /// extent, coloured as the heat map would be.
    /// </summary>
    private static void AddCells(Plot plot, double[,] shown, RowCells rows, PanelAxis across, ColourScale scale)
    {
        foreach (var c in rows.Cells)
        {
            var colour = scale.ColourOf(rows.AlongX ? shown[c.Row, c.Index] : shown[c.Index, c.Row]);
            var (low, high) = across.Cells[c.Row];
            var cell = rows.AlongX ? plot.Add.Rectangle(c.Low, c.High, low, high) : plot.Add.Rectangle(low, high, c.Low, c.High);
            cell.FillColor = colour;
            // An outline of the fill's own colour closes the anti-aliased seams between neighbours.
            cell.LineColor = colour;
            cell.LineWidth = 1;
        }
    }

    /// <summary>The colour bar's source and the cells' colours: a colormap over the panels' shared range; NaN is grey.</summary>
    private sealed class ColourScale(IColormap colormap, ScottPlot.Range range) : IHasColorAxis
    {
        public IColormap Colormap { get; } = colormap;

        public ScottPlot.Range GetRange() => range;

        public Color ColourOf(double value) =>
            double.IsNaN(value) ? NaNColor : Colormap.GetColor(Math.Clamp((value - range.Min) / (range.Max - range.Min), 0, 1));
    }
}
