using System.Collections.Immutable;
using Sweeps.Grains.Sweeps;

namespace Sweeps.Client.Specs;

/// <summary>
/// A validated spec: the sweep to run, its normalized text (written to spec.yaml; loading it
/// again gives the same text), the fixed parameters and axes it was built from, the phase
/// diagrams to draw (the defaults when the spec names no plots), the per-trial scatter plots and
/// the axis transitions.csv fits along (null when the grid has none of transition.axis, m, p), and the adaptive
/// refinement settings (null: the grid is the whole sweep).
/// </summary>
public sealed record LoadedSpec(
    SweepDefinition Definition,
    string NormalizedText,
    ImmutableSortedDictionary<string, double> Fixed,
    ImmutableArray<SpecAxis> Axes,
    ImmutableArray<PlotRequest> Plots,
    ImmutableArray<ScatterRequest> Scatters,
    string? TransitionAxis = null,
    Adaptive.AdaptiveSettings? Adaptive = null)
{
    public string SweepId => Definition.SweepId;
}
