namespace Sweeps.Client.Specs;

/// <summary>
/// One phase diagram of a spec's <c>plots</c> list. <see cref="X"/>, <see cref="Y"/> and
/// <see cref="Facet"/> each name an axis of the sweep or <c>method</c>; the facet (optional)
/// splits the diagram into side-by-side panels. Dimensions of the grid that the plot does not
/// name are pooled. <see cref="Metric"/> is one of <see cref="PlotMetrics.All"/>.
/// </summary>
public sealed record PlotRequest(string X, string Y, string? Facet, string Metric = PlotMetrics.SuccessRate)
{
    /// <summary>The pseudo-axis that runs over the sweep's methods.</summary>
    public const string Method = "method";

    /// <summary>Base file name (no extension): phase-&lt;x&gt;-&lt;y&gt;[-&lt;facet&gt;], plus the metric when it is not the success rate.</summary>
    public string FileStem =>
        $"phase-{X}-{Y}" + (Facet is null ? "" : "-" + Facet) + (Metric == PlotMetrics.SuccessRate ? "" : "-" + Metric.Replace('_', '-'));
}
