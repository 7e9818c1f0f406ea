namespace Sweeps.Client.Specs;

/// <summary>The per-cell quantities a phase diagram can colour by (columns of cells.csv).</summary>
public static class PlotMetrics
{
    public const string SuccessRate = "success_rate", MedianError = "median_error", MedianHessianTrace = "median_hessian_trace";

    public static IReadOnlyList<string> All { get; } = [SuccessRate, MedianError, MedianHessianTrace];
}
