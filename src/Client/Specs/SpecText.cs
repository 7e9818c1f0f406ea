using System.Text;
using Sweeps.Numerics.Trials;

namespace Sweeps.Client.Specs;

/// <summary>
/// The normalized spec as YAML: fields in a fixed order, defaults written out, fixed parameters in
/// <see cref="ParameterNames.All"/> order, axes in the spec's order (it defines the cell order) with
/// ranges expanded, numbers in round-trip form. The sweep id hashes <see cref="Core"/> without
/// trials only, so changing the plots of a sweep redraws it and changing its trials extends it,
/// instead of starting a new one.
/// </summary>
internal static class SpecText
{
    public static string Core(SpecDraft draft, bool withTrials = true)
    {
        var text = new StringBuilder();
        if (draft.Name is not null)
            text.Append("name: ").Append(draft.Name).Append('\n');
        text.Append("problem: ").Append(draft.Problem).Append('\n');
        var fixedValues = draft.Fixed.OrderBy(f => IndexOf(f.Key)).ToList();
        text.Append("fixed:").Append(fixedValues.Count == 0 ? " {}\n" : "\n");
        foreach (var (name, value) in fixedValues)
            text.Append("  ").Append(name).Append(": ").Append(YamlFields.Format(value)).Append('\n');
        text.Append("axes:").Append(draft.Axes.Count == 0 ? " {}\n" : "\n");
        foreach (var axis in draft.Axes)
            text.Append("  ").Append(axis.Name).Append(": [").AppendJoin(", ", axis.Values.Select(YamlFields.Format)).Append("]\n");
        text.Append("methods: [").AppendJoin(", ", draft.Methods).Append("]\n");
        if (withTrials)
            text.Append("trials: ").Append(draft.Trials).Append('\n');
        text.Append("success: { tolerance: ").Append(YamlFields.Format(draft.Tolerance));
        if (draft.RelativeToNoise is { } c)
            text.Append(", relative_to_noise: ").Append(YamlFields.Format(c));
        text.Append(" }\n");
        text.Append("seed: ").Append(draft.Seed).Append('\n');
        return text.ToString();
    }

    public static string Plots(IReadOnlyList<PlotRequest> plots, IReadOnlyList<ScatterRequest> scatters)
    {
        var text = new StringBuilder("plots:").Append(plots.Count + scatters.Count == 0 ? " []\n" : "\n");
        foreach (var plot in plots)
        {
            text.Append("  - { x: ").Append(plot.X).Append(", y: ").Append(plot.Y);
            if (plot.Facet is not null)
                text.Append(", facet: ").Append(plot.Facet);
            text.Append(", metric: ").Append(plot.Metric).Append(" }\n");
        }
        foreach (var scatter in scatters)
            text.Append("  - { kind: ").Append(ScatterRequest.Kind).Append(", x: ").Append(scatter.X).Append(", y: ").Append(scatter.Y).Append(" }\n");
        return text.ToString();
    }

    private static int IndexOf(string name) => ParameterNames.All.ToList().IndexOf(name);
}
