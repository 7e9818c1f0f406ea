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
        text.Append("problem: ").Append(draft.ProblemCommand is { } command ? $"{{ name: {draft.Problem}, {command.ToYaml()} }}" : draft.Problem).Append('\n');
        var fixedValues = draft.Fixed.OrderBy(f => IndexOf(f.Key)).ToList();
        text.Append("fixed:").Append(fixedValues.Count == 0 ? " {}\n" : "\n");
        foreach (var (name, value) in fixedValues)
            text.Append("  ").Append(name).Append(": ").Append(YamlFields.Format(value)).Append('\n');
        text.Append("axes:").Append(draft.Axes.Count == 0 ? " {}\n" : "\n");
        foreach (var axis in draft.Axes)
            text.Append("  ").Append(axis.Name).Append(": [").AppendJoin(", ", axis.Values.Select(YamlFields.Format)).Append("]\n");
        AppendMethods(text, draft.Methods);
        if (draft.Plugins.Count > 0)
            text.Append("plugins: { ").AppendJoin(", ", draft.Plugins.Select(p => p.Name + ": " + p.Sha256)).Append(" }\n");
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

    /// <summary><c>transition: { axis: AXIS }</c> when the spec names the axis (not part of the sweep id); nothing for the default.</summary>
    public static string Transition(SpecDraft draft) =>
        draft.TransitionAxis is null ? "" : $"transition: {{ axis: {draft.TransitionAxis} }}\n";

    /// <summary><c>adaptive: { axis, precision, max_trials, batch }</c> with every field written out (not part of the sweep id: rounds extend the sweep); nothing for a plain sweep.</summary>
    public static string Adaptive(Client.Adaptive.AdaptiveSettings? adaptive) =>
        adaptive is null ? "" :
            $"adaptive: {{ axis: {adaptive.Axis}, precision: {YamlFields.Format(adaptive.Precision)}, max_trials: {adaptive.MaxTrials}, batch: {adaptive.Batch} }}\n";

    /// <summary>
    /// <c>methods: [a, b]</c> when no method has parameters of its own (as before they existed, so such specs keep
    /// their sweep id); otherwise one line per method, a method with parameters as
    /// <c>{ name: sam, alpha: 0.5, rho: [0.01, 0.05] }</c>, its parameters in <see cref="ParameterNames.Method"/> order;
    /// an external method's command, timeout and sha256 come first (so they are part of the sweep id).
    /// </summary>
    private static void AppendMethods(StringBuilder text, IReadOnlyList<SpecMethod> methods)
    {
        if (!methods.Any(m => m.HasParameters || m.Command is not null))
        {
            text.Append("methods: [").AppendJoin(", ", methods.Select(m => m.Name)).Append("]\n");
            return;
        }
        text.Append("methods:\n");
        foreach (var method in methods)
        {
            text.Append("  - ");
            if (!method.HasParameters && method.Command is null)
            {
                text.Append(method.Name).Append('\n');
                continue;
            }
            text.Append("{ name: ").Append(method.Name);
            if (method.Command is { } command)
                text.Append(", ").Append(command.ToYaml());
            foreach (var name in method.ParameterNames.OrderBy(IndexOf))
            {
                text.Append(", ").Append(name).Append(": ");
                if (method.Lists.FirstOrDefault(l => l.Name == name) is { } list)
                    text.Append('[').AppendJoin(", ", list.Values.Select(YamlFields.Format)).Append(']');
                else
                    text.Append(YamlFields.Format(method.Fixed.First(f => f.Key == name).Value));
            }
            text.Append(" }\n");
        }
    }

    private static int IndexOf(string name) => ParameterNames.All.ToList().IndexOf(name);
}
