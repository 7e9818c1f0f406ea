namespace Sweeps.Client.Specs;

/// <summary>The per-cell quantities a phase diagram can colour by (columns of cells.csv).</summary>
public static class PlotMetrics
{
    public const string SuccessRate = "success_rate", MedianError = "median_error", MedianHessianTrace = "median_hessian_trace",
        MedianErrorOverNoise = "median_error_over_noise";

    public static IReadOnlyList<string> All { get; } = [SuccessRate, MedianError, MedianHessianTrace, MedianErrorOverNoise];

    /// <summary>Metrics spanning decades, coloured on a log10 scale.</summary>
    public static bool IsLogScale(string metric) => metric is MedianError or MedianErrorOverNoise;
}
