namespace Sweeps.Client.Plots;

/// <summary>
/// The level set {f = level} of a field sampled on a grid (values[j, i] at x = i, y = j), by
/// marching squares: on each edge of a grid square whose end values straddle the level, the
/// crossing is placed by linear interpolation, and crossings are joined within the square. An
/// ambiguous saddle (corners alternating above and below) is resolved by the centre average.
/// Exact for a field that is linear on the grid. NaN corners skip their square.
/// </summary>
internal static class HalfContour
{
    public static List<((double X, double Y) A, (double X, double Y) B)> Segments(double[,] values, double level)
    {
        var segments = new List<((double, double), (double, double))>();
        int ny = values.GetLength(0), nx = values.GetLength(1);
        for (var j = 0; j + 1 < ny; j++)
        {
            for (var i = 0; i + 1 < nx; i++)
            {
                // Corners counter-clockwise from (i, j); edge e joins corner e and corner e + 1.
                (double X, double Y, double F)[] c =
                [
                    (i, j, values[j, i]), (i + 1, j, values[j, i + 1]), (i + 1, j + 1, values[j + 1, i + 1]), (i, j + 1, values[j + 1, i]),
                ];
                if (c.Any(p => double.IsNaN(p.F)))
                    continue;
                var crossings = new List<(double, double)>();
                for (var e = 0; e < 4; e++)
                {
                    var (a, b) = (c[e], c[(e + 1) % 4]);
                    if ((a.F >= level) == (b.F >= level))
                        continue;
                    var t = (level - a.F) / (b.F - a.F);
                    crossings.Add((a.X + t * (b.X - a.X), a.Y + t * (b.Y - a.Y)));
                }
                if (crossings.Count == 2)
                    segments.Add((crossings[0], crossings[1]));
                else if (crossings.Count == 4)
                {
                    // Crossings lie on edges 0..3 in order. If the centre is on the same side as corner 0,
                    // corner 0's region is joined to corner 2's, so cut off corners 1 and 3: pair (0,1), (2,3).
                    var centreAbove = c.Average(p => p.F) >= level;
                    if (centreAbove == (c[0].F >= level))
                        segments.AddRange([(crossings[0], crossings[1]), (crossings[2], crossings[3])]);
                    else
                        segments.AddRange([(crossings[3], crossings[0]), (crossings[1], crossings[2])]);
                }
            }
        }
        return segments;
    }
}
