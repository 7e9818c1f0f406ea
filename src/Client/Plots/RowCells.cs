namespace Sweeps.Client.Plots;

/// <summary>
/// A panel with an axis drawn to scale (<see cref="PanelAxis.ToScale"/>: an adaptive sweep's refined m), laid out row
/// by row: a row is one value of the other axis, and each line of an adaptive sweep refines its own m values, so
/// the panel's m values are the union of the rows' and most rows lack most of them. Each row's cells cover only the
/// row's own values, each spanning from the midpoint with its lower neighbour in the row to the midpoint with its
/// upper one (an end cell reaching half its one gap beyond its value; a lone cell takes the axis' cell), so no row
/// shows filler where other rows were refined. The empirical 50% crossings are per row too: between neighbouring
/// cells of the row whose values straddle the level, placed by linear interpolation in real units (the rule
/// <see cref="HalfContour"/> applies to a square's edge), since grid squares across rows rarely have four corners.
/// </summary>
internal sealed record RowCells(bool AlongX, IReadOnlyList<RowCells.Cell> Cells, IReadOnlyList<IReadOnlyList<double>> Crossings)
{
    /// <summary>Cell (<paramref name="Row"/>, <paramref name="Index"/> along the scaled axis) spanning [Low, High] on it.</summary>
    public readonly record struct Cell(int Row, int Index, double Low, double High);

    /// <summary>
    /// The layout of <paramref name="values"/> (values[j, i] at x index i, y index j) along <paramref name="along"/>
    /// (x when <paramref name="alongX"/>): the rows' cells where <paramref name="present"/>, and each row's crossings of
    /// <paramref name="level"/> in increasing order.
    /// </summary>
    public static RowCells Of(double[,] values, bool[,] present, PanelAxis along, IReadOnlyList<double> axisValues, bool alongX, double level = 0.5)
    {
        int rows = values.GetLength(alongX ? 0 : 1), positions = values.GetLength(alongX ? 1 : 0);
        (double Value, bool Present) At(int row, int k) => alongX ? (values[row, k], present[row, k]) : (values[k, row], present[k, row]);
        var cells = new List<Cell>();
        var crossings = new List<IReadOnlyList<double>>();
        for (var row = 0; row < rows; row++)
        {
            var own = Enumerable.Range(0, positions).Where(k => At(row, k).Present).ToList();
            for (var n = 0; n < own.Count; n++)
            {
                var (low, high) = own.Count == 1 ? along.Cells[own[n]] : Span(own.Select(k => axisValues[k]).ToList(), n);
                cells.Add(new Cell(row, own[n], low, high));
            }
            var measured = own.Where(k => !double.IsNaN(At(row, k).Value)).ToList();
            var found = new List<double>();
            for (var n = 0; n + 1 < measured.Count; n++)
            {
                double fa = At(row, measured[n]).Value, fb = At(row, measured[n + 1]).Value;
                if ((fa >= level) == (fb >= level))
                    continue;
                double xa = axisValues[measured[n]], xb = axisValues[measured[n + 1]];
                found.Add(xa + (level - fa) / (fb - fa) * (xb - xa));
            }
            crossings.Add(found);
        }
        return new RowCells(alongX, cells, crossings);
    }

    /// <summary>
    /// The contour through the crossings: row r's k-th crossing joined to row r + 1's k-th when both rows cross the
    /// level equally often (the usual single crossing of a transition); otherwise a row's crossings stand alone.
    /// </summary>
    public IEnumerable<((int Row, double Along) A, (int Row, double Along) B)> Joins()
    {
        for (var row = 0; row + 1 < Crossings.Count; row++)
        {
            if (Crossings[row].Count != Crossings[row + 1].Count)
                continue;
            for (var k = 0; k < Crossings[row].Count; k++)
                yield return ((row, Crossings[row][k]), (row + 1, Crossings[row + 1][k]));
        }
    }

    /// <summary>The n-th of a row's sorted values: midpoints with its neighbours, half its one gap beyond at the ends.</summary>
    private static (double Low, double High) Span(List<double> v, int n) =>
        (n > 0 ? (v[n - 1] + v[n]) / 2 : v[0] - (v[1] - v[0]) / 2,
         n < v.Count - 1 ? (v[n] + v[n + 1]) / 2 : v[^1] + (v[^1] - v[^2]) / 2);
}
