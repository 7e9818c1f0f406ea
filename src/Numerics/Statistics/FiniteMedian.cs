namespace Sweeps.Numerics.Statistics;

/// <summary>The median over the finite values only (NaN marks a metric that does not apply to a trial).</summary>
public static class FiniteMedian
{
    /// <summary>Median of the finite values (mean of the middle two for an even count); NaN when there are none.</summary>
    public static double Of(IEnumerable<double> values)
    {
        var sorted = values.Where(double.IsFinite).Order().ToArray();
        return sorted.Length == 0 ? double.NaN
            : sorted.Length % 2 == 1 ? sorted[sorted.Length / 2]
            : (sorted[sorted.Length / 2 - 1] + sorted[sorted.Length / 2]) / 2;
    }
}
