namespace Sweeps.Client.Specs;

/// <summary>
/// One phase diagram of a spec's <c>plots</c> list. <see cref="X"/>, <see cref="Y"/> and
/// <see cref="Facet"/> each name an axis of the sweep or <c>method</c>; the facet (optional)
/// splits the diagram into side-by-side panels. A plot must name every dimension along which the grid varies
/// (<see cref="PoolingError"/>): a square never silently pools cells. <see cref="Metric"/> is one of <see cref="PlotMetrics.All"/>.
/// </summary>
public sealed record PlotRequest(string X, string Y, string? Facet, string Metric = PlotMetrics.SuccessRate)
{
    /// <summary>The pseudo-axis that runs over the sweep's methods.</summary>
    public const string Method = "method";

    private static readonly string[] Dimensions = ["x", "y", "facet"];

    /// <summary>
    /// The message when the grid varies along a dimension that x, y and facet do not name (each square would pool
    /// its values, and a theory curve drawn for one of them would be drawn over all), else null.
    /// <paramref name="varying"/>: each axis with more than one value, and <see cref="Method"/> with more than one
    /// method, with its number of values.
    /// </summary>
    public string? PoolingError(string field, IReadOnlyDictionary<string, int> varying)
    {
        var pooled = varying.Where(v => v.Key != X && v.Key != Y && v.Key != Facet).Select(v => $"{v.Key} ({v.Value} values)").ToList();
        return pooled.Count == 0 ? null
            : $"{field}: the grid varies {string.Join(" and ", pooled)}, which x = {X}, y = {Y}" + (Facet is null ? "" : $", facet = {Facet}") +
              " do not name: each square would pool those cells. Name every varying dimension as x, y or facet, fix it in 'fixed', or give plots: [] for no phase diagram.";
    }

    /// <summary>The dimensions along which a grid varies: axes with more than one value, and method when there are several.</summary>
    public static Dictionary<string, int> Varying(IEnumerable<(string Name, int Count)> axes, int methods)
    {
        var varying = axes.Where(a => a.Count > 1).ToDictionary(a => a.Name, a => a.Count);
        if (methods > 1)
            varying[Method] = methods;
        return varying;
    }

    /// <summary>Base file name (no extension): phase-&lt;x&gt;-&lt;y&gt;[-&lt;facet&gt;], plus the metric when it is not the success rate.</summary>
    public string FileStem =>
        $"phase-{X}-{Y}" + (Facet is null ? "" : "-" + Facet) + (Metric == PlotMetrics.SuccessRate ? "" : "-" + Metric.Replace('_', '-'));

    /// <summary>
    /// A plot from its field values (x, y, facet, metric), or null after adding to
    /// <paramref name="errors"/> one message per problem, each prefixed with <paramref name="field"/>.
    /// </summary>
    public static PlotRequest? TryCreate(string field, IReadOnlyDictionary<string, string> values, IReadOnlyList<string> axes, List<string> errors)
    {
        var dimensions = axes.Append(Method).ToList();
        var allowed = string.Join(", ", dimensions);
        var before = errors.Count;
        foreach (var key in Dimensions)
        {
            if (!values.TryGetValue(key, out var dimension))
            {
                if (key != "facet")
                    errors.Add($"{field}.{key}: missing; give one of {allowed}.");
            }
            else if (!dimensions.Contains(dimension))
                errors.Add($"{field}.{key}: '{dimension}' is not an axis of the sweep; allowed: {allowed}.");
        }
        var metric = values.GetValueOrDefault("metric", PlotMetrics.SuccessRate);
        if (!PlotMetrics.All.Contains(metric))
            errors.Add($"{field}.metric: '{metric}' is not allowed; allowed: {string.Join(", ", PlotMetrics.All)}.");
        if (errors.Count > before)
            return null;
        var named = Dimensions.Where(values.ContainsKey).Select(k => values[k]).ToList();
        if (named.Distinct().Count() != named.Count)
        {
            errors.Add($"{field}: x, y and facet must name different axes; got {string.Join(", ", named)}.");
            return null;
        }
        return new PlotRequest(values["x"], values["y"], values.GetValueOrDefault("facet"), metric);
    }
}
