namespace Sweeps.Client.Plots;

/// <summary>
/// How one axis of a phase-diagram panel is laid out: each cell's extent, where a real value or a grid index is
/// drawn, and the ticks. A numeric axis whose values are not equally spaced (an adaptive sweep's refined m axis:
/// 20, 40, 60, 61, 62, 80) is drawn to scale in its real units: each cell spans from the midpoint with its lower
/// neighbour to the midpoint with its upper one, an end cell reaching half its one gap beyond its value. Equally
/// spaced axes, geometric ones (a constant ratio, such as noise levels 0.001, 0.003, 0.01, ...: equal-width cells
/// are their log scale; also after a first value 0, as in 0, 0.001, 0.01, 0.1) and method axes keep grid index space: cell centres at 0, 1, ..., the values as tick labels.
/// </summary>
internal sealed class PanelAxis
{
    private const int TicksWanted = 10;
    private readonly IReadOnlyList<string> _labels;
    private readonly IReadOnlyList<double>? _values;

    private PanelAxis(IReadOnlyList<string> labels, IReadOnlyList<double>? values, bool toScale)
    {
        _labels = labels;
        _values = values;
        ToScale = toScale;
        Cells = [.. Enumerable.Range(0, labels.Count).Select(CellOf)];
    }

    /// <summary>True when the axis is drawn in its real units; false for grid index space.</summary>
    public bool ToScale { get; }

    /// <summary>Each cell's extent along the axis, in the panel's coordinates, in the axis' order.</summary>
    public IReadOnlyList<(double Low, double High)> Cells { get; }

    public double Low => Cells[0].Low;

    public double High => Cells[^1].High;

    /// <summary>The layout of a dimension: its labels and, for a numeric one, its sorted values (<see cref="PhaseGrid"/>).</summary>
    public static PanelAxis For(IReadOnlyList<string> labels, IReadOnlyList<double>? values) =>
        new(labels, values, values is { Count: > 2 } && !EquallySpaced(values, 1e-6) && !Geometric(values));

    /// <summary>Where a real value of the axis is drawn: itself when to scale, else its grid index (<see cref="PhaseGrid.ToIndex"/>).</summary>
    public double Map(double value)
    {
        var values = _values ?? throw new InvalidOperationException("a method axis has no real values");
        return ToScale ? value : PhaseGrid.ToIndex(values, value);
    }

    /// <summary>Where a (fractional) grid index is drawn: linear between neighbouring cells' values when to scale, so a contour crossing keeps its place.</summary>
    public double FromIndex(double index)
    {
        if (!ToScale)
            return index;
        var values = _values!;
        var k = Math.Clamp((int)Math.Floor(index), 0, values.Count - 2);
        return values[k] + (index - k) * (values[k + 1] - values[k]);
    }

    /// <summary>Ticks at the values, labelled with them: about ten, spread by index in grid space and by distance when to scale.</summary>
    public IReadOnlyList<(double At, string Label)> TickMarks()
    {
        if (!ToScale)
        {
            var every = Math.Max(1, (int)Math.Ceiling(_labels.Count / (double)TicksWanted));
            return [.. Enumerable.Range(0, _labels.Count).Where(i => i % every == 0).Select(i => ((double)i, _labels[i]))];
        }
        var values = _values!;
        var gap = (values[^1] - values[0]) / TicksWanted;
        var marks = new List<(double, string)>();
        var last = double.NegativeInfinity;
        for (var i = 0; i < values.Count; i++)
        {
            if (values[i] - last < gap * (1 - 1e-9))
                continue;
            marks.Add((values[i], _labels[i]));
            last = values[i];
        }
        return marks;
    }

    /// <summary>The axis' tick generator: <see cref="TickMarks"/>.</summary>
    public ScottPlot.TickGenerators.NumericManual Ticks()
    {
        var ticks = new ScottPlot.TickGenerators.NumericManual();
        foreach (var (at, label) in TickMarks())
            ticks.AddMajor(at, label);
        return ticks;
    }

    private (double Low, double High) CellOf(int i)
    {
        if (!ToScale)
            return (i - 0.5, i + 0.5);
        var v = _values!;
        var low = i > 0 ? (v[i - 1] + v[i]) / 2 : v[0] - (v[1] - v[0]) / 2;
        var high = i < v.Count - 1 ? (v[i] + v[i + 1]) / 2 : v[^1] + (v[^1] - v[^2]) / 2;
        return (low, high);
    }

    /// <summary>
    /// A constant ratio (equally spaced logarithms), or 0 followed by at least three values with a constant ratio of at
    /// least 2 (noise levels 0, 0.001, 0.01, 0.1): equal-width cells are a log scale with 0 as its first cell, where
    /// drawn linearly every value but the largest would be squeezed against 0. The ratio and count keep an axis such as
    /// 0, 60, 61, 62 to scale.
    /// </summary>
    private static bool Geometric(IReadOnlyList<double> values)
    {
        if (values[0] != 0)
            return EquallySpaced([.. values.Select(v => Math.Log(v))], 0.25);
        var rest = values.Skip(1).ToList();
        return rest.Count >= 3 && rest[0] > 0 && rest[1] / rest[0] >= 2 && EquallySpaced([.. rest.Select(v => Math.Log(v))], 0.25);
    }

    /// <summary>
    /// Every gap within <paramref name="tolerance"/> of the mean gap, relatively: a millionth for equal steps (float
    /// steps such as 0.1 to 0.8 by 0.05 are equal), a quarter for ratios (1, 3, 10, 30 alternates 3 and 3.33).
    /// </summary>
    private static bool EquallySpaced(IReadOnlyList<double> values, double tolerance)
    {
        if (values.Any(v => !double.IsFinite(v)))
            return false;
        var mean = (values[^1] - values[0]) / (values.Count - 1);
        return Enumerable.Range(1, values.Count - 1).All(i => Math.Abs(values[i] - values[i - 1] - mean) <= tolerance * Math.Abs(mean));
    }
}
